// The crop editor: one reusable dialog for a picture's focal point and its crop per media profile, on Cropper.js
// (wwwroot/lib/cropperjs, copied from npm at build time). The media library opens it for a file's default crops;
// a media field can open it for one item's own crops:
//
//   const result = await window.cmsCropEditor.open({
//       mediaId: "4x1…",                       // the library id (for the automatic crops, from /api/media/{id}/derivatives)
//       url: "/media/covers/harbour.jpg",      // the original
//       width: 4000, height: 3000,             // its size in pixels
//       title: "harbour.jpg",                  // optional, shown in the dialog's title
//       focalPoint: { x: 0.5, y: 0.5 },        // optional, fractions of the image
//       crops: { card: { x, y, width, height } },  // optional, fractions; a profile missing here is automatic
//       profiles: ["hero", "card"],            // optional: only these profiles, in this order (default: all)
//       onSave: async ({ focalPoint, crops }) => { … },  // optional; a thrown Error is shown and the dialog stays open
//       returnFocus: element,                  // optional: where focus goes when the dialog closes
//   });
//   // result: { focalPoint, crops } once saved, null when cancelled.
//
// Every profile's crop keeps its aspect ratio. Automatic crops (no rectangle) are the server's, for the focal point
// being edited, so the previews show what the derivatives will show.
(() => {
    "use strict";

    let dialogCount = 0;

    const clamp = (value, min, max) => Math.min(max, Math.max(min, value));
    const round = value => Math.round(value * 1e6) / 1e6;
    const title = name => name.charAt(0).toUpperCase() + name.slice(1);
    const percent = value => `${Math.round(value * 100)} %`;

    function element(tag, attributes = {}, ...children) {
        const node = document.createElement(tag);
        for (const [key, value] of Object.entries(attributes)) {
            if (value === null || value === undefined || value === false) {
                continue;
            }

            if (key === "class") {
                node.className = value;
            } else if (key === "text") {
                node.textContent = value;
            } else {
                node.setAttribute(key, value === true ? "" : value);
            }
        }

        node.append(...children.filter(c => c !== null && c !== undefined));
        return node;
    }

    async function loadProfiles(mediaId, focalPoint) {
        const query = focalPoint ? `?focalX=${focalPoint.x}&focalY=${focalPoint.y}` : "";
        const response = await window.cmsApi.fetch(`/api/media/${encodeURIComponent(mediaId)}/derivatives${query}`);
        if (!response.ok) {
            throw new Error(`The crop profiles could not be loaded (the server answered ${response.status}).`);
        }

        return response.json();
    }

    async function open(options) {
        if (!options?.mediaId || !options.url || !(options.width > 0) || !(options.height > 0)) {
            throw new Error("cmsCropEditor.open needs mediaId, url, width and height.");
        }

        const W = options.width;
        const H = options.height;
        const state = {
            focal: { x: options.focalPoint?.x ?? 0.5, y: options.focalPoint?.y ?? 0.5 },
            crops: { ...(options.crops ?? {}) },
            automatic: {},
            current: null,
        };
        let profiles = await loadProfiles(options.mediaId, state.focal);
        if (Array.isArray(options.profiles) && options.profiles.length > 0) {
            const wanted = options.profiles.map(p => typeof p === "string" ? p : p.name);
            profiles = wanted.map(name => profiles.find(p => p.profile === name)).filter(Boolean);
        }

        for (const p of profiles) {
            state.automatic[p.profile] = p.automatic ?? { x: 0, y: 0, width: 1, height: 1 };
        }

        const id = `crop-editor-${++dialogCount}`;
        return new Promise(resolve => build(id, options, profiles, state, W, H, resolve));
    }

    function build(id, options, profiles, state, W, H, resolve) {
        let cropper = null;
        let cropperReady = false;
        let interacting = false;
        let settled = false;
        let focalTimer = 0;

        const rectOf = name => state.crops[name] ?? state.automatic[name];

        // Header
        const heading = element("h2", { class: "modal-title h5", id: `${id}-title`, text: `Crops and focal point${options.title ? ` of ${options.title}` : ""}` });
        const close = element("button", { type: "button", class: "btn-close", "data-bs-dismiss": "modal", "aria-label": "Close without saving" });

        // Tabs: the focal point, then one per profile.
        const tabs = [{ key: "", label: "Focal point", sub: "" }, ...profiles.map(p => ({ key: p.profile, label: title(p.profile), sub: `${p.width} × ${p.height}` }))];
        const tabList = element("div", { class: "nav nav-tabs crop-editor-tabs", role: "tablist", "aria-label": "Focal point and crops" });
        const tabButtons = tabs.map((tab, index) => element("button", {
            type: "button",
            class: "nav-link",
            role: "tab",
            id: `${id}-tab-${index}`,
            "aria-controls": `${id}-panel`,
            "aria-selected": "false",
            tabindex: "-1",
            "data-profile": tab.key,
        }, tab.label, tab.sub ? element("span", { class: "crop-editor-tab-size", text: ` ${tab.sub}` }) : null));
        tabButtons.forEach(b => tabList.append(b));

        // The focal point view.
        const focalImage = element("img", { src: options.url, alt: "", draggable: "false" });
        const marker = element("button", { type: "button", class: "crop-editor-marker", "aria-describedby": `${id}-help` });
        const focalFrame = element("div", { class: "crop-editor-focal-frame" }, focalImage, marker);
        const focalView = element("div", { class: "crop-editor-focal" }, focalFrame);

        // The crop view (Cropper.js on its own image).
        const stageImage = element("img", { src: options.url, alt: "" });
        const stage = element("div", { class: "crop-editor-stage", tabindex: "0", role: "group", "aria-describedby": `${id}-help` }, stageImage);
        const help = element("p", { class: "crop-editor-help small text-body-secondary", id: `${id}-help` });
        const cropState = element("p", { class: "crop-editor-state small mb-0", "aria-live": "polite" });
        const panel = element("div", { class: "crop-editor-panel", role: "tabpanel", id: `${id}-panel`, tabindex: "-1" }, help, focalView, stage, cropState);

        // Previews of every profile at once.
        const previews = element("section", { class: "crop-editor-previews", "aria-labelledby": `${id}-previews` },
            element("h3", { class: "h6", id: `${id}-previews`, text: "Previews" }));
        const previewParts = {};
        for (const p of profiles) {
            const img = element("img", { src: options.url, alt: "" });
            const frame = element("div", { class: "crop-editor-preview-frame" }, img);
            // Through the style object, not a style attribute, which the admin's content security policy refuses.
            frame.style.aspectRatio = `${p.width} / ${p.height}`;
            const badge = element("span", { class: "badge" });
            const reset = element("button", { type: "button", class: "btn btn-link btn-sm p-0 crop-editor-reset" },
                "Reset to automatic", element("span", { class: "visually-hidden", text: ` (${p.profile})` }));
            reset.addEventListener("click", () => resetProfile(p.profile));
            const caption = element("figcaption", { class: "small" },
                element("span", { class: "fw-semibold", text: title(p.profile) }), ` ${p.width} × ${p.height} `, badge, " ", reset);
            previews.append(element("figure", { class: "crop-editor-preview", "data-profile": p.profile }, frame, caption));
            previewParts[p.profile] = { img, badge, reset };
        }

        const error = element("p", { class: "text-danger me-auto mb-0 small", role: "alert" });
        const cancel = element("button", { type: "button", class: "btn btn-outline-secondary", "data-bs-dismiss": "modal", text: "Cancel" });
        const save = element("button", { type: "button", class: "btn btn-primary", text: "Save crops" });

        const dialog = element("div", { class: "modal fade crop-editor", id, tabindex: "-1", role: "dialog", "aria-modal": "true", "aria-labelledby": `${id}-title` },
            element("div", { class: "modal-dialog modal-xl modal-fullscreen-lg-down" },
                element("div", { class: "modal-content" },
                    element("div", { class: "modal-header" }, heading, close),
                    element("div", { class: "modal-body crop-editor-body" },
                        element("div", { class: "crop-editor-main" }, tabList, panel),
                        previews),
                    element("div", { class: "modal-footer" }, error, cancel, save))));
        document.body.append(dialog);

        // Focal point: click or drag on the picture, or arrow keys on the marker (Shift: larger steps).
        function setFocal(x, y) {
            state.focal = { x: round(clamp(x, 0, 1)), y: round(clamp(y, 0, 1)) };
            marker.style.left = `${state.focal.x * 100}%`;
            marker.style.top = `${state.focal.y * 100}%`;
            marker.setAttribute("aria-label", `Focal point: ${percent(state.focal.x)} across, ${percent(state.focal.y)} down`);
            clearTimeout(focalTimer);
            focalTimer = setTimeout(refreshAutomatic, 150);
        }

        async function refreshAutomatic() {
            try {
                const answer = await loadProfiles(options.mediaId, state.focal);
                for (const p of answer) {
                    if (p.profile in state.automatic) {
                        state.automatic[p.profile] = p.automatic ?? { x: 0, y: 0, width: 1, height: 1 };
                    }
                }

                profiles.forEach(p => updatePreview(p.profile));
            } catch (e) {
                error.textContent = e.message;
            }
        }

        function focalFromPointer(event) {
            const box = focalImage.getBoundingClientRect();
            setFocal((event.clientX - box.left) / box.width, (event.clientY - box.top) / box.height);
        }

        focalFrame.addEventListener("pointerdown", event => {
            event.preventDefault();
            focalFrame.setPointerCapture(event.pointerId);
            focalFromPointer(event);
            marker.focus();
        });
        focalFrame.addEventListener("pointermove", event => {
            if (focalFrame.hasPointerCapture(event.pointerId)) {
                focalFromPointer(event);
            }
        });
        marker.addEventListener("keydown", event => {
            const step = event.shiftKey ? 0.1 : 0.01;
            const moves = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] };
            if (moves[event.key]) {
                event.preventDefault();
                setFocal(state.focal.x + moves[event.key][0], state.focal.y + moves[event.key][1]);
            }
        });

        // Crops: Cropper.js with the profile's aspect ratio; arrow keys move the selection, Shift+arrows resize it.
        function currentRect() {
            const d = cropper.getData();
            const x = clamp(d.x / W, 0, 1);
            const y = clamp(d.y / H, 0, 1);
            return { x: round(x), y: round(y), width: round(clamp(d.width / W, 0, 1 - x)), height: round(clamp(d.height / H, 0, 1 - y)) };
        }

        function applyRect(rect) {
            cropper.setData({ x: rect.x * W, y: rect.y * H, width: rect.width * W, height: rect.height * H });
        }

        function showProfile(name) {
            const profile = profiles.find(p => p.profile === name);
            const ratio = profile.width / profile.height;
            if (!cropper) {
                cropper = new window.Cropper(stageImage, {
                    viewMode: 1,
                    dragMode: "crop",
                    aspectRatio: ratio,
                    autoCropArea: 1,
                    zoomable: false,
                    rotatable: false,
                    scalable: false,
                    movable: false,
                    background: false,
                    toggleDragModeOnDblclick: false,
                    ready() {
                        cropperReady = true;
                        // The person may have gone back to the focal point tab meanwhile: the next profile tab applies its crop.
                        const shown = profiles.find(p => p.profile === state.current);
                        if (shown) {
                            cropper.setAspectRatio(shown.width / shown.height);
                            applyRect(rectOf(shown.profile));
                        }
                    },
                    cropstart() {
                        interacting = true;
                    },
                    crop() {
                        if (interacting && cropperReady) {
                            updatePreview(state.current, currentRect());
                        }
                    },
                    cropend() {
                        interacting = false;
                        markCustom();
                    },
                });
            } else if (cropperReady) {
                cropper.setAspectRatio(ratio);
                applyRect(rectOf(name));
            }

            stage.setAttribute("aria-label", `${title(name)} crop, ${profile.width} × ${profile.height}`);
        }

        function markCustom() {
            state.crops[state.current] = currentRect();
            updatePreview(state.current);
        }

        stage.addEventListener("keydown", event => {
            if (!cropperReady || !state.current) {
                return;
            }

            const key = event.key;
            if (!["ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown"].includes(key)) {
                return;
            }

            event.preventDefault();
            const d = cropper.getData();
            const stepX = Math.max(1, W / 100);
            const stepY = Math.max(1, H / 100);
            if (event.shiftKey) {
                // Resize from the top-left corner; the height follows the locked aspect ratio.
                const ratio = d.width / d.height;
                const grow = key === "ArrowRight" || key === "ArrowDown" ? 1 : -1;
                const maxWidth = Math.min(W - d.x, (H - d.y) * ratio);
                const width = clamp(d.width + grow * stepX, Math.min(maxWidth, Math.max(8, W / 50)), maxWidth);
                cropper.setData({ x: d.x, y: d.y, width, height: width / ratio });
            } else {
                const dx = key === "ArrowLeft" ? -stepX : key === "ArrowRight" ? stepX : 0;
                const dy = key === "ArrowUp" ? -stepY : key === "ArrowDown" ? stepY : 0;
                cropper.setData({ x: clamp(d.x + dx, 0, W - d.width), y: clamp(d.y + dy, 0, H - d.height) });
            }

            markCustom();
        });

        function resetProfile(name) {
            delete state.crops[name];
            if (state.current === name && cropperReady) {
                applyRect(rectOf(name));
            }

            updatePreview(name);
        }

        function updatePreview(name, live) {
            const parts = previewParts[name];
            const rect = live ?? rectOf(name);
            const custom = live !== undefined || name in state.crops;
            Object.assign(parts.img.style, {
                width: `${100 / rect.width}%`,
                height: `${100 / rect.height}%`,
                left: `${-rect.x / rect.width * 100}%`,
                top: `${-rect.y / rect.height * 100}%`,
            });
            parts.badge.textContent = custom ? "Custom" : "Automatic";
            parts.badge.className = `badge ${custom ? "text-bg-primary" : "text-bg-light border"}`;
            parts.reset.disabled = !custom;
            if (name === state.current) {
                cropState.textContent = custom
                    ? `${title(name)}: your crop, ${Math.round(rect.width * W)} × ${Math.round(rect.height * H)} pixels of the original.`
                    : `${title(name)}: automatic, around the focal point. Move or resize the selection to choose your own.`;
            }
        }

        let selected = 0;

        function select(index, focus) {
            selected = index;
            tabButtons.forEach((button, i) => {
                const on = i === index;
                button.classList.toggle("active", on);
                button.setAttribute("aria-selected", on ? "true" : "false");
                button.tabIndex = on ? 0 : -1;
            });
            if (focus) {
                tabButtons[index].focus();
            }

            panel.setAttribute("aria-labelledby", tabButtons[index].id);
            const name = tabs[index].key;
            state.current = name || null;
            focalView.hidden = Boolean(name);
            stage.hidden = !name;
            if (name) {
                help.textContent = "Drag the selection or its handles. Keyboard: Tab to the picture, arrow keys move the selection, Shift with arrow keys resizes it.";
                showProfile(name);
                updatePreview(name);
            } else {
                help.textContent = "Click or drag on the picture to set the focal point, the part every automatic crop keeps in view. Keyboard: arrow keys move the marker (Shift for larger steps).";
                cropState.textContent = `Focal point: ${percent(state.focal.x)} across, ${percent(state.focal.y)} down.`;
            }
        }

        tabButtons.forEach((button, index) => {
            button.addEventListener("click", () => select(index, false));
            button.addEventListener("keydown", event => {
                const last = tabButtons.length - 1;
                const next = { ArrowRight: index === last ? 0 : index + 1, ArrowLeft: index === 0 ? last : index - 1, Home: 0, End: last }[event.key];
                if (next !== undefined) {
                    event.preventDefault();
                    select(next, true);
                }
            });
        });

        save.addEventListener("click", async () => {
            const result = { focalPoint: { ...state.focal }, crops: { ...state.crops } };
            save.disabled = true;
            error.textContent = "";
            try {
                if (options.onSave) {
                    await options.onSave(result);
                }

                settled = true;
                resolve(result);
                modal.hide();
            } catch (e) {
                error.textContent = `Not saved: ${e.message}`;
            } finally {
                save.disabled = false;
            }
        });

        const modal = new window.bootstrap.Modal(dialog);
        dialog.addEventListener("shown.bs.modal", () => {
            setFocal(state.focal.x, state.focal.y);
            profiles.forEach(p => updatePreview(p.profile));
            // The tab chosen while the dialog was still opening stays chosen; now laid out, it is drawn again and focused.
            select(selected, true);
        });
        dialog.addEventListener("hidden.bs.modal", () => {
            clearTimeout(focalTimer);
            cropper?.destroy();
            modal.dispose();
            dialog.remove();
            if (!settled) {
                resolve(null);
            }

            options.returnFocus?.focus();
        });
        select(0, false);
        modal.show();
    }

    window.cmsCropEditor = { open };
})();
