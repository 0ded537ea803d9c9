// The content list: "select all", the count of selected items, a confirmation before a bulk delete, and focus on
// the outcome of a bulk action. Without script the checkboxes and buttons still work.
(() => {
    "use strict";

    const form = document.querySelector("[data-content-bulk]");
    if (form) {
        const all = form.querySelector("[data-select-all]");
        const items = () => Array.from(form.querySelectorAll("input[name='ids']"));
        const count = form.querySelector("[data-bulk-count]");

        const update = () => {
            const selected = items().filter(i => i.checked).length;
            if (count) {
                count.textContent = selected === 0 ? "Select items for a bulk action" : `${selected} selected`;
            }

            if (all) {
                all.checked = selected > 0 && selected === items().length;
                all.indeterminate = selected > 0 && selected < items().length;
            }
        };

        all?.addEventListener("change", () => {
            items().forEach(i => { i.checked = all.checked; });
            update();
        });
        form.addEventListener("change", event => {
            if (event.target.name === "ids") {
                update();
            }
        });
        form.addEventListener("submit", event => {
            const button = event.submitter;
            if (items().every(i => !i.checked)) {
                event.preventDefault();
                if (count) {
                    count.textContent = "Select at least one item first";
                }
                return;
            }

            const question = button?.getAttribute("data-confirm");
            if (question && !window.confirm(question)) {
                event.preventDefault();
            }
        });
        update();
    }

    document.getElementById("bulk-outcome")?.focus();
})();
