// The media library page: uploads by drag and drop or the "Choose files" button, one XMLHttpRequest per file to
// POST /api/media with a progress bar and the server's own error message; and the "Edit crops" button, which opens
// the crop editor (crop-editor.js) and saves the focal point and default crops with PATCH /api/media/{id}.
(() => {
    "use strict";

    const zone = document.querySelector("[data-media-dropzone]");
    if (zone) {
        const input = zone.querySelector("[data-media-input]");
        const list = document.querySelector("[data-media-uploads]");
        const refresh = document.querySelector("[data-media-refresh]");
        const folderBox = document.getElementById("media-upload-folder");
        const maxBytes = Number(zone.dataset.maxBytes || 0);

        zone.querySelector("[data-media-choose]").addEventListener("click", () => input.click());
        input.addEventListener("change", () => {
            uploadAll(input.files);
            input.value = "";
        });
        ["dragenter", "dragover"].forEach(type => zone.addEventListener(type, event => {
            event.preventDefault();
            zone.classList.add("is-dragging");
        }));
        ["dragleave", "drop"].forEach(type => zone.addEventListener(type, () => zone.classList.remove("is-dragging")));
        zone.addEventListener("drop", event => {
            event.preventDefault();
            uploadAll(event.dataTransfer?.files ?? []);
        });

        function uploadAll(files) {
            Array.from(files).forEach(upload);
        }

        function upload(file) {
            const row = document.createElement("li");
            row.className = "media-upload-row";
            row.dataset.fileName = file.name;
            const name = document.createElement("span");
            name.className = "media-upload-name text-break";
            name.textContent = file.name;
            const bar = document.createElement("progress");
            bar.max = 100;
            bar.value = 0;
            bar.setAttribute("aria-label", `Upload of ${file.name}`);
            const status = document.createElement("span");
            status.className = "media-upload-status small";
            status.textContent = "0 %";
            row.append(name, bar, status);
            list.prepend(row);

            const form = new FormData();
            form.append("file", file, file.name);
            const folder = folderBox?.value.trim();
            if (folder) {
                form.append("folder", folder);
            }

            const request = new XMLHttpRequest();
            request.open("POST", "/api/media");
            request.setRequestHeader("RequestVerificationToken", window.cmsApi.token());
            request.setRequestHeader("Accept", "application/json");
            request.upload.addEventListener("progress", event => {
                if (event.lengthComputable) {
                    show(Math.round(event.loaded * 100 / event.total));
                }
            });
            request.addEventListener("load", () => {
                if (request.status === 201) {
                    show(100);
                    const item = JSON.parse(request.responseText);
                    row.classList.add("is-done");
                    status.textContent = "";
                    const link = document.createElement("a");
                    link.href = `${location.pathname}?selected=${encodeURIComponent(item.id)}#media-details`;
                    link.textContent = `Uploaded as ${item.fileName} (100 %): open`;
                    status.append(link);
                    refresh?.classList.remove("d-none");
                } else {
                    fail(problemMessage(request));
                }
            });
            request.addEventListener("error", () => fail(maxBytes > 0 && file.size > maxBytes
                ? `The file is larger than the upload limit of ${(maxBytes / 1048576).toFixed(1).replace(/\.0$/, "")} MB.`
                : "The upload was interrupted: check the connection and try again."));
            request.send(form);

            function show(percent) {
                bar.value = percent;
                status.textContent = `${percent} %`;
            }

            function fail(message) {
                row.classList.add("is-failed");
                bar.remove();
                status.textContent = "";
                const error = document.createElement("span");
                error.className = "text-danger";
                error.setAttribute("role", "alert");
                error.textContent = `Not uploaded: ${message}`;
                status.append(error);
            }
        }

        function problemMessage(request) {
            try {
                const problem = JSON.parse(request.responseText);
                const message = problem.detail || problem.title;
                if (message) {
                    return `${message} (${request.status})`;
                }
            } catch {
                // Not JSON: fall through to the status.
            }

            return request.status === 413 ? "The file is too large (413)." : `The server answered ${request.status}.`;
        }
    }

    document.querySelectorAll("[data-crop-editor]").forEach(button => button.addEventListener("click", async () => {
        const options = JSON.parse(button.dataset.cropEditor);
        const saved = await window.cmsCropEditor.open({
            ...options,
            returnFocus: button,
            onSave: async ({ focalPoint, crops }) => {
                const response = await window.cmsApi.fetch(`/api/media/${encodeURIComponent(options.mediaId)}`, {
                    method: "PATCH",
                    body: { focalPoint, crops },
                });
                if (!response.ok) {
                    const problem = await response.json().catch(() => ({}));
                    throw new Error(problem.detail || problem.title || `The server answered ${response.status}.`);
                }
            },
        });
        if (saved) {
            // The thumbnails and the details show the new crops: reload the page as it is.
            location.reload();
        }
    }));
})();
