// The "Share preview" box (Pages/Shared/_PreviewLinks.cshtml): lists, makes and revokes an item's share links through
// /api/content/{id}/preview-links with cmsApi.fetch. The server decides who may; this only draws the answers.
(() => {
    "use strict";

    const when = (value) => new Date(value).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });

    async function problem(response) {
        try {
            const body = await response.json();
            return body.detail || body.title || `The server answered ${response.status}.`;
        } catch {
            return `The server answered ${response.status}.`;
        }
    }

    function cell(row, text) {
        const td = document.createElement("td");
        td.textContent = text;
        row.append(td);
        return td;
    }

    async function load(box) {
        const rows = box.querySelector("[data-preview-link-rows]");
        const response = await window.cmsApi.fetch(box.dataset.previewLinks);
        if (!response.ok) {
            showError(box, await problem(response));
            return;
        }

        const links = await response.json();
        rows.replaceChildren();
        if (links.length === 0) {
            const row = rows.insertRow();
            const td = cell(row, "No links yet.");
            td.colSpan = 5;
            td.className = "text-body-secondary";
            return;
        }

        for (const link of links) {
            const row = rows.insertRow();
            cell(row, when(link.createdUtc));
            cell(row, link.createdByName ?? "");
            cell(row, when(link.expiresUtc));
            cell(row, link.revokedUtc ? "Revoked" : link.active ? "Active" : "Expired");
            const actions = cell(row, "");
            if (link.active) {
                const revoke = document.createElement("button");
                revoke.type = "button";
                revoke.className = "btn btn-sm btn-outline-danger";
                revoke.textContent = "Revoke";
                revoke.setAttribute("aria-label", `Revoke the link made ${when(link.createdUtc)}`);
                revoke.addEventListener("click", async () => {
                    const answer = await window.cmsApi.fetch(`${box.dataset.previewLinks}/${encodeURIComponent(link.id)}`, { method: "DELETE" });
                    if (!answer.ok) {
                        showError(box, await problem(answer));
                    }

                    await load(box);
                });
                actions.append(revoke);
            }
        }
    }

    function showError(box, message) {
        const error = box.querySelector("[data-preview-link-error]");
        error.textContent = message;
        error.hidden = false;
    }

    for (const box of document.querySelectorAll("[data-preview-links]")) {
        if (box.dataset.previewLinksReady) {
            continue;
        }

        box.dataset.previewLinksReady = "true";
        box.querySelector("[data-preview-link-create]").addEventListener("click", async () => {
            const response = await window.cmsApi.fetch(box.dataset.previewLinks, { method: "POST" });
            if (!response.ok) {
                showError(box, await problem(response));
                return;
            }

            const created = await response.json();
            box.querySelector("[data-preview-link-url]").value = created.url;
            box.querySelector("[data-preview-link-new]").hidden = false;
            await load(box);
        });
        load(box);
    }
})();
