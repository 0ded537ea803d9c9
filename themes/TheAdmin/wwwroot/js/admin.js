// Small behaviours of the admin theme; widgets (modals, off-canvas navigation) come from Bootstrap.
(() => {
    "use strict";

    // "Copy" buttons: data-copy-target names the input whose value is copied.
    document.addEventListener("click", async (event) => {
        const button = event.target.closest("[data-copy-target]");
        if (!button) {
            return;
        }

        const input = document.querySelector(button.getAttribute("data-copy-target"));
        if (!input) {
            return;
        }

        input.select();
        try {
            await navigator.clipboard.writeText(input.value);
            button.textContent = "Copied";
        } catch {
            // No clipboard access (insecure origin): the text stays selected for Ctrl+C.
            button.textContent = "Press Ctrl+C";
        }
    });

    // Move focus to the first invalid field after a failed post, so keyboard and screen reader users land on it.
    const firstInvalid = document.querySelector(".input-validation-error, .is-invalid");
    if (firstInvalid) {
        firstInvalid.focus();
    }
})();
