// The generated content editor (/admin/content/new/{type}, /admin/content/{id}/edit). The page renders one editor per
// part and field from the type definition; this script gives each kind its behaviour (a small handler per kind, found
// by the kind's name), saves through /api/content with If-Match, keeps a private autosave, shows a conflict view when
// someone else saved first, and runs the workflow panel. Every call to /api/* goes through window.cmsApi.fetch.
(() => {
    "use strict";

    const root = document.getElementById("cms-editor");
    if (!root) {
        return;
    }

    const api = window.cmsApi;
    const $ = (selector, scope = document) => scope.querySelector(selector);
    const $$ = (selector, scope = document) => [...scope.querySelectorAll(selector)];
    const form = $("#editor-form");
    const statusEl = $("#editor-status");
    const zone = root.dataset.timeZone || "UTC";
    const wordsPerMinute = Number(root.dataset.wordsPerMinute) || 200;
    const state = {
        id: root.dataset.itemId || null,
        version: root.dataset.version || null,
        type: root.dataset.type,
        everPublished: root.dataset.everPublished === "true",
        original: JSON.parse($("#cms-editor-item").textContent),
        snapshot: "",
        lastAutosaved: "",
        autosavePending: false,
        saving: null,
        saves: 0,
        workflow: null,
        conflict: null,
    };
    delete state.original.Workflow;

    // ---------------------------------------------------------------- small helpers

    const stable = (value) => JSON.stringify(value ?? null);
    const escapeHtml = (text) => String(text ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]));
    const debounce = (fn, ms) => {
        let timer;
        return (...args) => {
            clearTimeout(timer);
            timer = setTimeout(() => fn(...args), ms);
        };
    };
    const htmlToText = (html) => new DOMParser().parseFromString(html || "", "text/html").body.textContent || "";
    const countWords = (text) => (String(text || "").match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) || []).length;
    const setStatus = (text) => {
        statusEl.textContent = text;
    };
    const timeOfDay = (date = new Date()) => new Intl.DateTimeFormat("en-GB", { timeStyle: "short", timeZone: zone }).format(date);
    async function problemOf(response) {
        try {
            return await response.json();
        } catch {
            return { title: `The server answered ${response.status}.` };
        }
    }

    // ---------------------------------------------------------------- the site's time zone

    function partsInZone(timestamp) {
        const parts = new Intl.DateTimeFormat("en-US", {
            timeZone: zone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit",
        }).formatToParts(new Date(timestamp));
        const get = (type) => Number(parts.find((p) => p.type === type).value);
        return { year: get("year"), month: get("month"), day: get("day"), hour: get("hour") % 24, minute: get("minute"), second: get("second") };
    }

    const offsetAt = (timestamp) => {
        const p = partsInZone(timestamp);
        return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(timestamp / 1000) * 1000;
    };

    /** "2026-12-02T10:00" typed in the site's zone → an ISO UTC string. */
    function zoneInputToUtc(value) {
        const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(value || "");
        if (!match) {
            return null;
        }

        const wall = Date.UTC(+match[1], +match[2] - 1, +match[3], +match[4], +match[5]);
        let utc = wall - offsetAt(wall);
        utc = wall - offsetAt(utc);
        return new Date(utc).toISOString();
    }

    /** An ISO UTC string → the "yyyy-MM-ddTHH:mm" a datetime-local input shows, in the site's zone. */
    function utcToZoneInput(iso) {
        if (!iso) {
            return "";
        }

        const date = new Date(iso);
        if (Number.isNaN(date.getTime())) {
            return "";
        }

        const p = partsInZone(date.getTime());
        const pad = (n) => String(n).padStart(2, "0");
        return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}`;
    }

    const formatInZone = (iso) => (iso ? new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: zone }).format(new Date(iso)) : "");
    const zoneNote = `Times are in the site's time zone (${zone}).`;

    // ---------------------------------------------------------------- dialogs

    function ask(title, fields) {
        const modalEl = $("#editor-ask");
        $("#editor-ask-title").textContent = title;
        const body = $("#editor-ask-fields");
        body.replaceChildren();
        fields.forEach((field, index) => {
            const id = `editor-ask-${index}`;
            const wrapper = document.createElement("div");
            wrapper.className = "mb-3";
            wrapper.innerHTML = `<label class="form-label" for="${id}"></label>`;
            wrapper.firstChild.textContent = field.label;
            const input = document.createElement(field.type === "textarea" ? "textarea" : "input");
            if (field.type !== "textarea") {
                input.type = field.type || "text";
            } else {
                input.rows = 4;
            }

            input.className = "form-control";
            input.id = id;
            input.name = field.name;
            input.value = field.value || "";
            if (field.required) {
                input.required = true;
            }

            wrapper.append(input);
            body.append(wrapper);
        });
        const modal = bootstrap.Modal.getOrCreateInstance(modalEl);
        return new Promise((resolve) => {
            let result = null;
            const askForm = $("#editor-ask-form");
            const onSubmit = (event) => {
                event.preventDefault();
                const values = {};
                for (const field of fields) {
                    values[field.name] = askForm.elements[field.name].value;
                    if (field.required && !values[field.name].trim()) {
                        askForm.elements[field.name].classList.add("is-invalid");
                        askForm.elements[field.name].focus();
                        return;
                    }
                }

                result = values;
                modal.hide();
            };
            askForm.addEventListener("submit", onSubmit);
            modalEl.addEventListener("shown.bs.modal", () => body.querySelector("input, textarea")?.focus(), { once: true });
            modalEl.addEventListener("hidden.bs.modal", () => {
                askForm.removeEventListener("submit", onSubmit);
                resolve(result);
            }, { once: true });
            modal.show();
        });
    }

    const mediaDialog = {
        el: $("#media-picker"),
        resolve: null,
        async load() {
            const status = $("#media-picker-status");
            const list = $("#media-picker-results");
            const query = new URLSearchParams({ take: "24", sort: "Newest" });
            const search = $("#media-picker-search").value.trim();
            if (search) {
                query.set("search", search);
            }

            status.textContent = "Loading…";
            const response = await api.fetch(`/api/media?${query}`);
            if (!response.ok) {
                status.textContent = response.status === 403 ? "You may not use the media library." : (await problemOf(response)).title;
                list.replaceChildren();
                return;
            }

            const page = await response.json();
            status.textContent = page.totalCount === 0 ? "No images match." : `${page.items.length} of ${page.totalCount} images`;
            list.replaceChildren(...page.items.map((item) => {
                const li = document.createElement("li");
                const button = document.createElement("button");
                button.type = "button";
                button.className = "media-picker-item";
                button.innerHTML = `<img src="${escapeHtml(item.url)}" alt="" loading="lazy" /><span></span>`;
                button.querySelector("span").textContent = item.altText || item.fileName;
                button.setAttribute("aria-label", `Choose ${item.fileName}${item.altText ? ": " + item.altText : ""}`);
                button.addEventListener("click", () => this.choose(item));
                li.append(button);
                return li;
            }));
        },
        shown: false,
        choose(item) {
            const resolve = this.resolve;
            this.resolve = null;
            const modal = bootstrap.Modal.getOrCreateInstance(this.el);
            if (this.shown) {
                modal.hide();
            } else {
                // Bootstrap ignores hide() while the dialog is still opening: close it once it has opened.
                this.el.addEventListener("shown.bs.modal", () => modal.hide(), { once: true });
            }

            resolve?.(item);
        },
        open() {
            return new Promise((resolve) => {
                this.resolve = resolve;
                const modal = bootstrap.Modal.getOrCreateInstance(this.el);
                this.el.addEventListener("hidden.bs.modal", () => {
                    this.shown = false;
                    if (this.resolve) {
                        const pending = this.resolve;
                        this.resolve = null;
                        pending(null);
                    }
                }, { once: true });
                this.el.addEventListener("shown.bs.modal", () => {
                    this.shown = true;
                    $("#media-picker-search").focus();
                }, { once: true });
                modal.show();
                this.load();
            });
        },
    };
    $("#media-picker-search").addEventListener("input", debounce(() => mediaDialog.load(), 250));
    $("#media-picker-upload").addEventListener("change", async (event) => {
        const file = event.target.files[0];
        if (!file) {
            return;
        }

        const status = $("#media-picker-status");
        status.textContent = `Uploading ${file.name}…`;
        const data = new FormData();
        data.append("file", file);
        const response = await api.fetch("/api/media", { method: "POST", body: data });
        event.target.value = "";
        if (!response.ok) {
            const problem = await problemOf(response);
            status.textContent = `Not uploaded: ${problem.detail || problem.title}`;
            return;
        }

        mediaDialog.choose(await response.json());
    });

    // ---------------------------------------------------------------- editors by kind

    const richEditors = new Map();
    const valueOf = (el) => {
        try {
            return JSON.parse(el.dataset.value || "null");
        } catch {
            return null;
        }
    };

    function mountRichText(el, html) {
        const host = $("[data-rte]", el);
        if (!window.CmsRichText) {
            // The bundle is missing: the plain textarea stays usable.
            const textarea = $("textarea", host);
            return { getHTML: () => textarea.value, setHTML: (v) => { textarea.value = v || ""; }, getText: () => htmlToText(textarea.value), focus: () => textarea.focus() };
        }

        return window.CmsRichText.create(host, {
            html,
            inputId: host.dataset.inputId,
            labelledBy: host.dataset.labelledby,
            describedBy: host.dataset.describedby,
            onUpdate: () => changed(),
            ask,
            onError: (message) => showSummary([message]),
            pickMedia: async () => {
                const item = await mediaDialog.open();
                if (!item) {
                    return null;
                }

                const values = await ask("Image description", [{ name: "alt", label: "Alternative text (what the image shows)", value: item.altText || "" }]);
                return { url: item.url, alt: values?.alt ?? item.altText ?? "" };
            },
        });
    }

    const htmlKind = (property) => ({
        init(el, value) {
            richEditors.set(el, mountRichText(el, value?.[property] || ""));
        },
        read: (el) => ({ [property]: richEditors.get(el).getHTML() }),
        write(el, value) {
            richEditors.get(el).setHTML(value?.[property] || "");
        },
        summary: (value) => htmlToText(value?.[property]),
        words: (el) => countWords(richEditors.get(el).getText()),
    });

    const input = (el, name) => $(`[data-input="${name}"]`, el);

    const kinds = {
        TitlePart: {
            init(el) {
                input(el, "title").addEventListener("input", () => {
                    $("#editor-heading").textContent = input(el, "title").value || `New ${root.dataset.typeLabel}`;
                    path.titleChanged(input(el, "title").value);
                });
            },
            read: (el) => ({ Title: input(el, "title").value }),
            write(el, value) {
                input(el, "title").value = value?.Title || "";
            },
            summary: (value) => value?.Title || "",
        },
        AutoroutePart: {
            init(el, value) {
                path.init(el, value);
            },
            read: (el) => ({ Path: input(el, "path").value.trim() }),
            write(el, value) {
                input(el, "path").value = value?.Path || "";
            },
            summary: (value) => (value?.Path ? "/" + value.Path : "(made from the title)"),
        },
        HtmlBodyPart: htmlKind("Html"),
        HtmlField: htmlKind("Html"),
        TextField: {
            read: (el) => ({ Text: input(el, "text").value }),
            write(el, value) {
                input(el, "text").value = value?.Text || "";
            },
            summary: (value) => value?.Text || "",
        },
        NumericField: {
            read(el) {
                const raw = input(el, "number").value;
                return { Value: raw === "" ? null : Number(raw) };
            },
            write(el, value) {
                input(el, "number").value = value?.Value ?? "";
            },
            summary: (value) => (value?.Value ?? "") === "" ? "(empty)" : String(value.Value),
        },
        BooleanField: {
            read: (el) => ({ Value: input(el, "bool").checked }),
            write(el, value) {
                input(el, "bool").checked = value?.Value === true;
            },
            summary: (value) => (value?.Value ? "Yes" : "No"),
        },
        DateTimeField: {
            init(el, value) {
                $("[data-zone-note]", el).textContent = zoneNote;
                this.write(el, value);
            },
            read: (el) => ({ Value: zoneInputToUtc(input(el, "datetime").value) }),
            write(el, value) {
                input(el, "datetime").value = utcToZoneInput(value?.Value);
            },
            summary: (value) => formatInZone(value?.Value) || "(empty)",
        },
        LinkField: {
            read: (el) => ({ Url: input(el, "url").value.trim(), Text: input(el, "linktext").value }),
            write(el, value) {
                input(el, "url").value = value?.Url || "";
                input(el, "linktext").value = value?.Text || "";
            },
            summary: (value) => (value?.Url ? `${value.Text || value.Url} (${value.Url})` : "(empty)"),
        },
        TagsField: tagsKind(),
        ContentPickerField: pickerKind(),
        MediaField: mediaKind(),
        PublishLaterPart: keepKind(),
        _Unknown: keepKind(),
    };

    /** Kinds the editor does not change: the stored value goes back as it came. */
    function keepKind() {
        return {
            read: (el) => el._kept ?? valueOf(el),
            write(el, value) {
                el._kept = value;
            },
            summary: (value) => (value ? JSON.stringify(value) : "(empty)"),
        };
    }

    function tagsKind() {
        const render = (el) => {
            const list = $("[data-tags]", el);
            list.replaceChildren(...el._tags.map((tag, index) => {
                const li = document.createElement("li");
                li.className = "cms-chip";
                li.innerHTML = `<span></span><button type="button" class="btn-close btn-close-sm" aria-label=""></button>`;
                li.firstChild.textContent = tag;
                li.lastChild.setAttribute("aria-label", `Remove tag ${tag}`);
                li.lastChild.addEventListener("click", () => {
                    el._tags.splice(index, 1);
                    render(el);
                    changed();
                    $("[data-tag-input]", el).focus();
                });
                return li;
            }));
        };
        const add = (el, text) => {
            for (const tag of text.split(",").map((t) => t.trim().toLowerCase()).filter(Boolean)) {
                if (!el._tags.includes(tag)) {
                    el._tags.push(tag);
                }
            }

            render(el);
            changed();
        };
        return {
            init(el, value) {
                el._tags = [...(value?.Tags || [])];
                render(el);
                const box = $("[data-tag-input]", el);
                const suggest = debounce(async () => {
                    const query = new URLSearchParams({ type: state.type, part: el.dataset.part, field: el.dataset.field, q: box.value.trim(), take: "10" });
                    const response = await api.fetch(`/api/content/tags/suggest?${query}`);
                    if (response.ok) {
                        const tags = await response.json();
                        $("[data-tag-suggestions]", el).replaceChildren(...tags.filter((t) => !el._tags.includes(t.tag)).map((t) => {
                            const option = document.createElement("option");
                            option.value = t.tag;
                            option.label = `${t.tag} (${t.count})`;
                            return option;
                        }));
                    }
                }, 200);
                box.addEventListener("focus", suggest);
                box.addEventListener("input", () => {
                    if (box.value.includes(",")) {
                        add(el, box.value);
                        box.value = "";
                    }

                    suggest();
                });
                box.addEventListener("keydown", (event) => {
                    if (event.key === "Enter") {
                        event.preventDefault();
                        if (box.value.trim()) {
                            add(el, box.value);
                            box.value = "";
                        }
                    } else if (event.key === "Backspace" && box.value === "" && el._tags.length > 0) {
                        el._tags.pop();
                        render(el);
                        changed();
                    }
                });
                box.addEventListener("change", () => {
                    // A suggestion picked from the list arrives as a change without Enter.
                    if (box.value.trim() && [...$("[data-tag-suggestions]", el).options].some((o) => o.value === box.value.trim())) {
                        add(el, box.value);
                        box.value = "";
                    }
                });
            },
            read(el) {
                const pending = $("[data-tag-input]", el).value.split(",").map((t) => t.trim().toLowerCase()).filter(Boolean);
                return { Tags: [...el._tags, ...pending.filter((t) => !el._tags.includes(t))] };
            },
            write(el, value) {
                el._tags = [...(value?.Tags || [])];
                $("[data-tag-input]", el).value = "";
                render(el);
            },
            summary: (value) => (value?.Tags?.length ? value.Tags.join(", ") : "(none)"),
        };
    }

    function pickerKind() {
        const titleOf = (el, id) => el._titles[id] || `(item ${id})`;
        const render = (el) => {
            const list = $("[data-picked]", el);
            const multiple = el.dataset.multiple === "true";
            list.replaceChildren(...el._ids.map((id, index) => {
                const li = document.createElement("li");
                li.className = "cms-picked-item";
                const title = titleOf(el, id);
                li.innerHTML = `<span class="cms-picked-title"></span><span class="cms-picked-actions"></span>`;
                li.firstChild.textContent = title;
                const actions = li.lastChild;
                const button = (icon, label, handler, disabled) => {
                    const b = document.createElement("button");
                    b.type = "button";
                    b.className = "btn btn-sm btn-outline-secondary";
                    b.innerHTML = `<i class="bi ${icon}" aria-hidden="true"></i>`;
                    b.setAttribute("aria-label", label);
                    b.title = label;
                    b.disabled = !!disabled;
                    b.addEventListener("click", () => {
                        handler();
                        render(el);
                        changed();
                        const again = list.children[Math.min(index, list.children.length - 1)]?.querySelector(`[aria-label^="${label.split(" ")[0]}"]:not(:disabled)`);
                        (again || $("[data-picker-input]", el)).focus();
                    });
                    actions.append(b);
                };
                if (multiple) {
                    button("bi-arrow-up", `Move ${title} up`, () => el._ids.splice(index - 1, 0, el._ids.splice(index, 1)[0]), index === 0);
                    button("bi-arrow-down", `Move ${title} down`, () => el._ids.splice(index + 1, 0, el._ids.splice(index, 1)[0]), index === el._ids.length - 1);
                }

                button("bi-x-lg", `Remove ${title}`, () => el._ids.splice(index, 1));
                return li;
            }));
        };
        return {
            init(el, value) {
                el._ids = [...(value?.ContentItemIds || [])];
                el._titles = JSON.parse(el.dataset.titles || "{}");
                render(el);
                const box = $("[data-picker-input]", el);
                const results = $(".cms-picker-results", el);
                let options = [];
                let active = -1;
                const close = () => {
                    results.hidden = true;
                    box.setAttribute("aria-expanded", "false");
                    box.removeAttribute("aria-activedescendant");
                    active = -1;
                };
                const choose = (option) => {
                    el._titles[option.contentItemId] = option.displayText || option.contentItemId;
                    if (el.dataset.multiple === "true") {
                        if (!el._ids.includes(option.contentItemId)) {
                            el._ids.push(option.contentItemId);
                        }
                    } else {
                        el._ids = [option.contentItemId];
                    }

                    box.value = "";
                    close();
                    render(el);
                    changed();
                    box.focus();
                };
                const highlight = (index) => {
                    active = index;
                    [...results.children].forEach((li, i) => li.classList.toggle("active", i === index));
                    if (index >= 0) {
                        box.setAttribute("aria-activedescendant", results.children[index].id);
                    }
                };
                const search = debounce(async () => {
                    const query = new URLSearchParams({ q: box.value.trim(), take: "10" });
                    for (const type of (el.dataset.types || "").split(",").filter(Boolean)) {
                        query.append("type", type);
                    }

                    const response = await api.fetch(`/api/content/picker/search?${query}`);
                    if (!response.ok) {
                        return;
                    }

                    options = (await response.json()).filter((o) => !el._ids.includes(o.contentItemId));
                    results.replaceChildren(...options.map((option, index) => {
                        const li = document.createElement("li");
                        li.className = "list-group-item list-group-item-action";
                        li.id = `${box.id}-option-${index}`;
                        li.setAttribute("role", "option");
                        li.textContent = option.displayText || option.contentItemId;
                        if (!option.published) {
                            li.insertAdjacentHTML("beforeend", ' <span class="badge text-bg-light">draft</span>');
                        }

                        li.addEventListener("mousedown", (event) => {
                            event.preventDefault();
                            choose(option);
                        });
                        return li;
                    }));
                    if (options.length === 0) {
                        results.innerHTML = '<li class="list-group-item text-body-secondary" role="option" aria-disabled="true">Nothing matches.</li>';
                    }

                    results.hidden = false;
                    box.setAttribute("aria-expanded", "true");
                    highlight(options.length > 0 ? 0 : -1);
                }, 200);
                box.addEventListener("input", search);
                box.addEventListener("focus", search);
                box.addEventListener("blur", () => setTimeout(close, 150));
                box.addEventListener("keydown", (event) => {
                    if (event.key === "ArrowDown" && options.length) {
                        event.preventDefault();
                        highlight((active + 1) % options.length);
                    } else if (event.key === "ArrowUp" && options.length) {
                        event.preventDefault();
                        highlight((active - 1 + options.length) % options.length);
                    } else if (event.key === "Enter") {
                        event.preventDefault();
                        if (!results.hidden && active >= 0 && options[active]) {
                            choose(options[active]);
                        }
                    } else if (event.key === "Escape") {
                        close();
                    }
                });
            },
            read: (el) => ({ ContentItemIds: [...el._ids] }),
            write(el, value) {
                el._ids = [...(value?.ContentItemIds || [])];
                render(el);
            },
            summary(value, el) {
                const ids = value?.ContentItemIds || [];
                return ids.length ? ids.map((id) => titleOf(el, id)).join(", ") : "(none)";
            },
            remember(el, titles) {
                Object.assign(el._titles, titles);
            },
        };
    }

    function mediaKind() {
        const fromValue = (value) => (value?.Paths || []).map((path, i) => ({
            path,
            alt: value.MediaTexts?.[i] ?? "",
            caption: value.Captions?.[i] ?? null,
            credit: value.Credits?.[i] ?? null,
            anchor: value.Anchors?.[i] ?? null,
            crops: value.Crops?.[i] ?? null,
        }));
        const render = (el) => {
            const list = $("[data-media]", el);
            list.replaceChildren(...el._files.map((file, index) => {
                const li = document.createElement("li");
                li.className = "cms-media-item";
                const altId = `${el.querySelector("[data-media-choose]").id}-alt-${index}`;
                li.innerHTML = `<img alt="" loading="lazy" />
                    <div class="cms-media-meta">
                        <code class="small"></code>
                        <label class="form-label small mb-0" for="${altId}">Alternative text</label>
                        <input type="text" class="form-control form-control-sm" id="${altId}" />
                    </div>
                    <button type="button" class="btn btn-sm btn-outline-danger"><i class="bi bi-x-lg" aria-hidden="true"></i></button>`;
                li.querySelector("img").src = `/media/${file.path.split("/").map(encodeURIComponent).join("/")}`;
                li.querySelector("code").textContent = file.path;
                const alt = li.querySelector("input");
                alt.value = file.alt || "";
                alt.addEventListener("input", () => {
                    file.alt = alt.value;
                    changed();
                });
                const remove = li.querySelector("button");
                remove.setAttribute("aria-label", `Remove ${file.path}`);
                if (window.cmsCropEditor) {
                    const crop = document.createElement("button");
                    crop.type = "button";
                    crop.className = "btn btn-sm btn-outline-secondary";
                    crop.dataset.mediaCrop = "";
                    crop.innerHTML = `<i class="bi bi-crop" aria-hidden="true"></i> Crops`;
                    crop.setAttribute("aria-label", `Focal point and crops of ${file.path} in this item`);
                    crop.addEventListener("click", () => cropFile(file, crop, el));
                    remove.before(crop);
                }

                remove.addEventListener("click", () => {
                    el._files.splice(index, 1);
                    render(el);
                    changed();
                    $("[data-media-choose]", el).focus();
                });
                return li;
            }));
        };
        // This item's own focal point and crops of one file (the field's Anchors and Crops), in the library's crop
        // editor; the library's defaults are where it starts when the item has none.
        const cropFile = async (file, button, el) => {
            const response = await window.cmsApi.fetch(`/api/media?path=${encodeURIComponent(file.path)}`);
            const media = response.ok ? (await response.json()).items?.[0] : null;
            if (!media) {
                setStatus(`The crops of ${file.path} cannot be edited: it is not in the media library (the server answered ${response.status}).`);
                return;
            }

            const toFractions = (crops) => crops
                ? Object.fromEntries(Object.entries(crops).map(([name, r]) => [name, { x: r.X, y: r.Y, width: r.Width, height: r.Height }]))
                : null;
            const result = await window.cmsCropEditor.open({
                mediaId: media.id,
                url: media.url,
                width: media.width,
                height: media.height,
                title: media.fileName,
                focalPoint: file.anchor ? { x: file.anchor.X, y: file.anchor.Y } : media.focalPoint,
                crops: toFractions(file.crops) ?? media.crops,
                returnFocus: button,
            });
            if (!result) {
                return;
            }

            file.anchor = { X: result.focalPoint.x, Y: result.focalPoint.y };
            const names = Object.keys(result.crops || {});
            file.crops = names.length
                ? Object.fromEntries(names.map((name) => {
                    const r = result.crops[name];
                    return [name, { X: r.x, Y: r.y, Width: r.width, Height: r.height }];
                }))
                : null;
            render(el);
            changed();
        };

        return {
            init(el, value) {
                el._extra = value || {};
                el._files = fromValue(value);
                render(el);
                $("[data-media-choose]", el).addEventListener("click", async () => {
                    const item = await mediaDialog.open();
                    if (!item) {
                        return;
                    }

                    const file = { path: item.path, alt: item.altText || "", caption: item.caption ?? null, credit: item.credit ?? null, anchor: null, crops: null };
                    if (el.dataset.multiple === "true") {
                        el._files.push(file);
                    } else {
                        el._files = [file];
                    }

                    render(el);
                    changed();
                    $("[data-media-choose]", el).focus();
                });
            },
            read(el) {
                const files = el._files;
                const value = { ...el._extra, Paths: files.map((f) => f.path), MediaTexts: files.map((f) => f.alt || "") };
                value.Captions = files.map((f) => f.caption ?? "");
                value.Credits = files.map((f) => f.credit ?? "");
                if (files.some((f) => f.anchor)) {
                    value.Anchors = files.map((f) => f.anchor || { X: 0.5, Y: 0.5 });
                } else {
                    delete value.Anchors;
                }

                if (files.some((f) => f.crops)) {
                    value.Crops = files.map((f) => f.crops || null);
                } else {
                    delete value.Crops;
                }

                return value;
            },
            write(el, value) {
                el._extra = value || {};
                el._files = fromValue(value);
                render(el);
            },
            summary: (value) => (value?.Paths?.length ? value.Paths.join(", ") : "(none)"),
        };
    }

    // ---------------------------------------------------------------- the path (slug)

    const currentTitle = () => $('[data-kind="TitlePart"] [data-input="title"]')?.value || "";

    const path = {
        el: null,
        auto: false,
        init(el, value) {
            this.el = el;
            const box = input(el, "path");
            // While the item has never been published, the path follows the title until someone types one (a stored
            // path still follows it when it is what the title would give).
            this.auto = !state.everPublished && !value?.Path;
            if (state.everPublished) {
                $("[data-path-help]", el).textContent = "The item has been published: changing the path changes its address.";
            } else if (value?.Path) {
                this.ask({ title: currentTitle() }).then((answer) => {
                    if (answer && answer.path === value.Path && input(el, "path").value.trim() === value.Path) {
                        this.auto = true;
                    }
                });
            }

            box.addEventListener("input", () => {
                this.auto = box.value.trim() === "" && !state.everPublished;
                this.check();
            });
        },
        titleChanged: debounce(async function (title) {
            if (!path.el || !path.auto) {
                return;
            }

            if (!title.trim()) {
                input(path.el, "path").value = "";
                return;
            }

            const answer = await path.ask({ title });
            if (answer && path.auto) {
                input(path.el, "path").value = answer.path;
                path.show(answer, "Made from the title.");
            }
        }, 300),
        check: debounce(async function () {
            if (!path.el) {
                return;
            }

            const typed = input(path.el, "path").value.trim();
            if (typed === "") {
                path.show({ available: true }, "");
                if (path.auto) {
                    path.titleChanged(currentTitle());
                }

                return;
            }

            const answer = await path.ask({ path: typed });
            if (answer && input(path.el, "path").value.trim() === typed) {
                path.show(answer, answer.available ? `/${answer.path} is free.` : "");
            }
        }, 300),
        async ask(params) {
            const query = new URLSearchParams({ type: state.type, ...params });
            if (state.id) {
                query.set("id", state.id);
            }

            const response = await api.fetch(`/api/content/paths/check?${query}`);
            return response.ok ? response.json() : null;
        },
        show(answer, text) {
            const box = input(this.el, "path");
            const note = $("[data-path-check]", this.el);
            box.classList.toggle("is-invalid", !answer.available);
            box.setAttribute("aria-invalid", String(!answer.available));
            note.className = answer.available ? "form-text text-success" : "form-text text-danger";
            note.textContent = answer.available ? text : `Not available: ${answer.message}`;
        },
    };

    // ---------------------------------------------------------------- reading and writing the form

    const fields = $$(".cms-field", form);
    const handlerOf = (el) => kinds[el.dataset.kind] || kinds._Unknown;

    function valueAt(item, el) {
        const part = item?.[el.dataset.part];
        return el.dataset.field ? part?.[el.dataset.field] : part;
    }

    /** The item JSON from the form: the loaded item (unknown parts kept) with every editor's value on top. */
    function collect() {
        const item = structuredClone(state.original);
        delete item.Workflow;
        item.ContentItemId = state.id;
        item.ContentType = state.type;
        for (const el of fields) {
            const value = handlerOf(el).read(el);
            const partName = el.dataset.part;
            if (el.dataset.field) {
                item[partName] = { ...(item[partName] || {}), [el.dataset.field]: value };
            } else if (value !== undefined && value !== null) {
                item[partName] = { ...(item[partName] || {}), ...value };
            }
        }

        const title = item.TitlePart?.Title;
        if (typeof title === "string") {
            item.DisplayText = title;
        }

        return item;
    }

    function apply(item) {
        for (const el of fields) {
            handlerOf(el).write(el, valueAt(item, el) ?? null);
        }

        updateCounts();
    }

    const isDirty = () => stable(collect()) !== state.snapshot;

    function updateCounts() {
        let words = 0;
        const bodies = fields.filter((el) => el.dataset.kind === "HtmlBodyPart");
        for (const el of bodies.length ? bodies : fields.filter((f) => f.dataset.kind === "HtmlField")) {
            words += handlerOf(el).words(el);
        }

        $("#editor-words").textContent = `${words.toLocaleString("en-GB")} ${words === 1 ? "word" : "words"}`;
        $("#editor-reading").textContent = `${Math.max(1, Math.ceil(words / wordsPerMinute))} min read`;
    }

    const changed = debounce(() => {
        updateCounts();
        if (!state.saving) {
            setStatus(isDirty() ? "Unsaved changes" : (state.id ? "Saved" : "Not saved yet"));
        }
    }, 150);

    // ---------------------------------------------------------------- errors next to their fields

    function clearErrors() {
        for (const el of fields) {
            $(".cms-field-errors", el).textContent = "";
            el.classList.remove("has-error");
            $$("input, textarea, select, [contenteditable]", el).forEach((i) => {
                if (!i.closest("[data-path-check]")) {
                    i.classList.remove("is-invalid");
                    i.removeAttribute("aria-invalid");
                }
            });
        }

        const summary = $("#editor-error-summary");
        summary.hidden = true;
        summary.replaceChildren();
    }

    /** The editor that owns a JSON path: the longest editor path that is the error's path or a prefix of it. */
    function fieldFor(jsonPath) {
        let best = null;
        for (const el of fields) {
            const p = el.dataset.path;
            if (jsonPath === p || jsonPath.startsWith(p + ".") || jsonPath.startsWith(p + "[")) {
                if (!best || p.length > best.dataset.path.length) {
                    best = el;
                }
            }
        }

        return best;
    }

    function showSummary(messages, links = []) {
        const summary = $("#editor-error-summary");
        summary.innerHTML = '<p class="fw-semibold mb-1">The item was not saved:</p><ul class="mb-0"></ul>';
        const list = $("ul", summary);
        messages.forEach((message, i) => {
            const li = document.createElement("li");
            if (links[i]) {
                const a = document.createElement("a");
                a.href = `#${links[i]}`;
                a.textContent = message;
                li.append(a);
            } else {
                li.textContent = message;
            }

            list.append(li);
        });
        summary.hidden = false;
        summary.focus();
    }

    function showErrors(errors) {
        const messages = [];
        const links = [];
        for (const error of errors || []) {
            const el = fieldFor(error.path);
            if (el) {
                const target = $(".cms-field-errors", el);
                target.textContent = (target.textContent ? target.textContent + " " : "") + capitalize(error.message);
                el.classList.add("has-error");
                $$("input:not([type=file]), textarea, [contenteditable]", el).forEach((i) => {
                    i.classList.add("is-invalid");
                    i.setAttribute("aria-invalid", "true");
                });
                messages.push(`${el.dataset.label}: ${error.message}`);
                links.push($("input, textarea, button, [contenteditable]", el)?.id || "");
            } else {
                messages.push(`${error.path}: ${error.message}`);
                links.push("");
            }
        }

        showSummary(messages, links);
    }

    const capitalize = (text) => (text ? text[0].toUpperCase() + text.slice(1) : text);

    // ---------------------------------------------------------------- saving

    function adopt(saved) {
        delete saved.Workflow;
        state.original = saved;
        state.id = saved.ContentItemId;
        state.version = saved.ContentItemVersionId;
        root.dataset.itemId = state.id;
        root.dataset.version = state.version;
    }

    async function save() {
        if (state.saving) {
            return state.saving;
        }

        state.saves++;
        state.saving = (async () => {
            clearErrors();
            const item = collect();
            const sent = stable(item);
            const wasNew = !state.id;
            setStatus("Saving…");
            const headers = {};
            if (state.version) {
                headers["If-Match"] = `"${state.version}"`;
            }

            let response;
            try {
                response = await api.fetch("/api/content", { method: "POST", headers, body: item });
            } catch {
                setStatus("Not saved: the server cannot be reached. Your text is kept here and in the autosave.");
                return false;
            }

            if (response.ok) {
                const saved = await response.json();
                const untouched = stable(collect()) === sent;
                adopt(saved);
                if (untouched) {
                    // The server cleans what it stores (tags lower-cased, HTML sanitized): show that, unless the user typed on.
                    apply(saved);
                }

                state.snapshot = stable(collect());
                state.lastAutosaved = state.snapshot;
                setStatus(`Saved at ${timeOfDay()}`);
                if (wasNew) {
                    history.replaceState(null, "", root.dataset.editUrlTemplate.replace("__id__", encodeURIComponent(state.id)));
                    const panel = $("#workflow-panel .card-body");
                    $("#workflow-empty")?.remove();
                    panel.insertAdjacentHTML("beforeend", '<div id="workflow-body" aria-busy="true"></div>');
                }

                await loadWorkflow();
                return true;
            }

            if (response.status === 400) {
                const problem = await problemOf(response);
                showErrors(problem.errors?.length ? problem.errors : [{ path: "$", message: problem.detail || problem.title }]);
                setStatus("Not saved: see the marked fields");
                return false;
            }

            if (response.status === 412 || response.status === 409) {
                setStatus("Not saved: someone else saved first");
                await showConflict();
                return false;
            }

            const problem = await problemOf(response);
            showSummary([response.status === 403 ? `You may not save this item. ${problem.detail || ""}` : (problem.detail || problem.title)]);
            setStatus("Not saved");
            return false;
        })();
        try {
            return await state.saving;
        } finally {
            state.saving = null;
        }
    }

    // ---------------------------------------------------------------- conflicts

    async function showConflict() {
        const response = await api.fetch(`/api/content/${encodeURIComponent(state.id)}`);
        if (!response.ok) {
            showSummary([`The item changed and could not be reloaded (${response.status}).`]);
            return;
        }

        const latest = await response.json();
        delete latest.Workflow;
        const mine = collect();
        const rows = fields
            .map((el) => ({ el, mine: valueAt(mine, el) ?? null, theirs: valueAt(latest, el) ?? null }))
            .filter((row) => row.el.dataset.kind !== "_Unknown" && row.el.dataset.kind !== "PublishLaterPart")
            .filter((row) => stable(row.mine) !== stable(row.theirs));
        state.conflict = { latest, rows };
        for (const el of fields.filter((f) => f.dataset.kind === "ContentPickerField")) {
            // Titles of items the other person picked, as far as this user may read them.
            const ids = (valueAt(latest, el)?.ContentItemIds || []).filter((id) => !el._titles[id]);
            for (const id of ids) {
                const r = await api.fetch(`/api/content/${encodeURIComponent(id)}`);
                if (r.ok) {
                    el._titles[id] = (await r.json()).DisplayText || id;
                }
            }
        }

        $("#editor-conflict-who").textContent = `Their version was saved${latest.Author ? ` by ${latest.Author}` : ""}${latest.ModifiedUtc ? ` on ${formatInZone(latest.ModifiedUtc)}` : ""}.`;
        const container = $("#editor-conflict-rows");
        container.replaceChildren(...rows.map((row, index) => {
            const handler = handlerOf(row.el);
            const fieldset = document.createElement("fieldset");
            fieldset.className = "editor-conflict-row";
            fieldset.dataset.index = index;
            fieldset.innerHTML = `<legend class="h6"></legend>
                <div class="editor-conflict-columns">
                    <div class="editor-conflict-side" data-side="mine"><div class="form-check"><input class="form-check-input" type="radio" name="conflict-${index}" id="conflict-${index}-mine" value="mine" checked /><label class="form-check-label fw-semibold" for="conflict-${index}-mine">Keep mine</label></div><div class="editor-conflict-text" data-testid="conflict-mine"></div></div>
                    <div class="editor-conflict-side" data-side="theirs"><div class="form-check"><input class="form-check-input" type="radio" name="conflict-${index}" id="conflict-${index}-theirs" value="theirs" /><label class="form-check-label fw-semibold" for="conflict-${index}-theirs">Take theirs</label></div><div class="editor-conflict-text" data-testid="conflict-theirs"></div></div>
                </div>`;
            fieldset.querySelector("legend").textContent = row.el.dataset.label;
            fieldset.querySelector('[data-side="mine"] .editor-conflict-text').textContent = handler.summary(row.mine, row.el) || "(empty)";
            fieldset.querySelector('[data-side="theirs"] .editor-conflict-text').textContent = handler.summary(row.theirs, row.el) || "(empty)";
            return fieldset;
        }));
        if (rows.length === 0) {
            container.innerHTML = "<p>Their change is the same as yours in every field: saving keeps it.</p>";
        }

        const section = $("#editor-conflict");
        section.hidden = false;
        section.scrollIntoView({ block: "start" });
        $("#editor-conflict-title").setAttribute("tabindex", "-1");
        $("#editor-conflict-title").focus();
    }

    function chooseAll(side) {
        $$(`#editor-conflict-rows input[value="${side}"]`).forEach((radio) => {
            radio.checked = true;
        });
    }

    $("#editor-conflict-all-mine").addEventListener("click", () => chooseAll("mine"));
    $("#editor-conflict-all-theirs").addEventListener("click", () => chooseAll("theirs"));
    $("#editor-conflict-save").addEventListener("click", async () => {
        const conflict = state.conflict;
        if (!conflict) {
            return;
        }

        const mine = collect();
        conflict.rows.forEach((row, index) => {
            const theirs = $(`#conflict-${index}-theirs`).checked;
            handlerOf(row.el).write(row.el, theirs ? row.theirs : row.mine);
        });
        // Kept parts the editor does not show come from their version; the fields chosen above sit on top of it.
        const latest = conflict.latest;
        state.original = latest;
        state.version = latest.ContentItemVersionId;
        for (const el of fields.filter((f) => !conflict.rows.some((r) => r.el === f))) {
            handlerOf(el).write(el, valueAt(mine, el) ?? null);
        }

        state.conflict = null;
        $("#editor-conflict").hidden = true;
        updateCounts();
        await save();
    });

    // ---------------------------------------------------------------- autosave

    const autosaveUrl = () => (state.id
        ? `/api/content/${encodeURIComponent(state.id)}/autosave`
        : `/api/content/new/${encodeURIComponent(state.type)}/autosave`);

    async function autosave() {
        if (state.saving || state.autosavePending || state.conflict) {
            return;
        }

        const item = collect();
        const now = stable(item);
        if (now === state.snapshot || now === state.lastAutosaved) {
            return;
        }

        const saves = state.saves;
        const response = await api.fetch(autosaveUrl(), { method: "PUT", body: { data: item, baseVersionId: state.version } });
        if (response.ok) {
            state.lastAutosaved = now;
            // A save that started meanwhile has said something newer (saved, or why not): its status stands.
            if (!state.saving && state.saves === saves && stable(collect()) === now) {
                setStatus(`Unsaved changes, kept as a draft at ${timeOfDay()}`);
            }
        }
    }

    async function offerAutosave() {
        const response = await api.fetch(autosaveUrl());
        if (response.status !== 200) {
            return;
        }

        const autosaved = await response.json();
        if (stable(autosaved.data) === state.snapshot) {
            return;
        }

        state.autosavePending = true;
        $("#editor-autosave-time").textContent = formatInZone(autosaved.savedUtc);
        const banner = $("#editor-autosave-banner");
        banner.hidden = false;
        $("#editor-autosave-restore").onclick = () => {
            apply(autosaved.data);
            if (autosaved.baseVersionId && state.version && autosaved.baseVersionId !== state.version) {
                // The text was written on an older version: saving it goes through the conflict view.
                state.version = autosaved.baseVersionId;
            }

            banner.hidden = true;
            state.autosavePending = false;
            state.lastAutosaved = stable(autosaved.data);
            setStatus("Restored: unsaved changes");
            form.querySelector("input, textarea, [contenteditable]")?.focus();
        };
        $("#editor-autosave-discard").onclick = async () => {
            await api.fetch(autosaveUrl(), { method: "DELETE" });
            banner.hidden = true;
            state.autosavePending = false;
            setStatus(state.id ? "Saved" : "Not saved yet");
        };
    }

    // ---------------------------------------------------------------- workflow panel

    const transitionLabels = {
        submit: ["Submit for review", "bi-send", "btn-primary"],
        withdraw: ["Withdraw", "bi-arrow-counterclockwise", "btn-outline-secondary"],
        "request-changes": ["Request changes", "bi-chat-left-text", "btn-outline-changes"],
        approve: ["Approve", "bi-check2-circle", "btn-success"],
        publish: ["Publish now", "bi-broadcast", "btn-success"],
        unpublish: ["Unpublish", "bi-eye-slash", "btn-outline-danger"],
    };
    const stageLabels = { Draft: "Draft", InReview: "In review", Approved: "Approved", Published: "Published" };

    async function loadWorkflow() {
        const body = $("#workflow-body");
        if (!body || !state.id) {
            return;
        }

        const id = encodeURIComponent(state.id);
        const [itemResponse, commentsResponse, reviewersResponse] = await Promise.all([
            api.fetch(`/api/content/${id}`),
            api.fetch(`/api/content/${id}/comments`),
            api.fetch(`/api/content/${id}/reviewers`),
        ]);
        if (!itemResponse.ok) {
            body.textContent = "The workflow could not be loaded.";
            return;
        }

        const item = await itemResponse.json();
        const workflow = item.Workflow;
        state.workflow = workflow;
        const comments = commentsResponse.ok ? await commentsResponse.json() : [];
        const reviewers = reviewersResponse.ok ? await reviewersResponse.json() : [];
        renderWorkflow(body, workflow, comments, reviewers);
        body.setAttribute("aria-busy", "false");
    }

    function renderWorkflow(body, workflow, comments, reviewers) {
        if (!workflow) {
            body.innerHTML = '<p class="text-body-secondary mb-0">This item has no workflow.</p>';
            return;
        }

        const stage = workflow.Stage;
        const transitions = workflow.Transitions || [];
        const buttons = transitions.filter((t) => t !== "schedule" && transitionLabels[t]);
        const mayPlan = transitions.includes("publish") || transitions.includes("schedule");
        const reviewer = reviewers.find((r) => r.userId === workflow.AssignedTo);
        const pending = (workflow.Schedules || []).filter((s) => s.Status === "Pending");
        body.innerHTML = `
            <p class="mb-2">Stage: <span class="badge stage-badge stage-${escapeHtml(stage)}" data-testid="stage">${escapeHtml(stageLabels[stage] || stage)}</span>
                ${workflow.Overdue ? '<span class="badge text-bg-danger">Overdue</span>' : ""}
                ${workflow.HasPublishedVersion && stage !== "Published" ? '<span class="badge text-bg-light">A published version is live</span>' : ""}</p>
            <div class="d-flex flex-wrap gap-2 mb-3" data-transitions>${buttons.map((t) => `<button type="button" class="btn btn-sm ${transitionLabels[t][2]}" data-transition="${t}"><i class="bi ${transitionLabels[t][1]}" aria-hidden="true"></i> ${transitionLabels[t][0]}</button>`).join("")}
                ${buttons.length === 0 ? '<p class="text-body-secondary small mb-0">Nothing for you to do at this stage.</p>' : ""}</div>
            ${pending.length ? `<ul class="list-unstyled small mb-3" data-testid="schedules">${pending.map((s) => `<li><i class="bi bi-calendar-check" aria-hidden="true"></i> ${s.Action === "publish" ? "Publishes" : "Unpublishes"} ${escapeHtml(formatInZone(s.DueUtc))}</li>`).join("")}</ul>` : ""}
            ${mayPlan ? `<form class="mb-3" data-schedule-form>
                <h3 class="h6">Schedule</h3>
                <label class="form-label small" for="wf-publish-at">Publish at</label>
                <input type="datetime-local" class="form-control form-control-sm mb-2" id="wf-publish-at" aria-describedby="wf-zone" />
                <label class="form-label small" for="wf-unpublish-at">Unpublish at (optional)</label>
                <input type="datetime-local" class="form-control form-control-sm mb-1" id="wf-unpublish-at" aria-describedby="wf-zone" />
                <div class="form-text mb-2" id="wf-zone">${escapeHtml(zoneNote)}</div>
                <button type="submit" class="btn btn-sm btn-outline-primary"><i class="bi bi-calendar-plus" aria-hidden="true"></i> Schedule</button>
            </form>` : ""}
            <div class="mb-3" data-assignment>
                <h3 class="h6">Review</h3>
                ${reviewers.length ? `<form data-assign-form>
                    <label class="form-label small" for="wf-assignee">Reviewer</label>
                    <select class="form-select form-select-sm mb-2" id="wf-assignee"><option value="">Nobody</option>${reviewers.map((r) => `<option value="${escapeHtml(r.userId)}" ${r.userId === workflow.AssignedTo ? "selected" : ""}>${escapeHtml(r.displayName || r.userName)}</option>`).join("")}</select>
                    <label class="form-label small" for="wf-due">Due</label>
                    <input type="datetime-local" class="form-control form-control-sm mb-2" id="wf-due" value="${escapeHtml(utcToZoneInput(workflow.DueUtc))}" aria-describedby="wf-zone-due" />
                    <div class="form-text mb-2" id="wf-zone-due">${escapeHtml(zoneNote)}</div>
                    <button type="submit" class="btn btn-sm btn-outline-primary">Assign</button>
                </form>` : `<p class="small mb-0">Reviewer: ${escapeHtml(reviewer ? (reviewer.displayName || reviewer.userName) : (workflow.AssignedTo ? "assigned" : "nobody yet"))}${workflow.DueUtc ? `, due ${escapeHtml(formatInZone(workflow.DueUtc))}` : ""}</p>`}
            </div>
            <div data-comments>
                <h3 class="h6">Comments</h3>
                <ol class="list-unstyled editor-comments" data-testid="comments">${comments.map((c) => `<li class="editor-comment"><div class="small text-body-secondary">${escapeHtml(c.authorName || "someone")} · ${escapeHtml(formatInZone(c.createdUtc))}${c.transition ? ` · ${escapeHtml(transitionLabels[c.transition]?.[0] || c.transition)}` : ""}</div><div class="editor-comment-text">${c.text}</div></li>`).join("") || '<li class="small text-body-secondary">No comments yet.</li>'}</ol>
                <form data-comment-form>
                    <label class="form-label small" for="wf-comment">Add a comment</label>
                    <textarea class="form-control form-control-sm mb-2" id="wf-comment" rows="2"></textarea>
                    <button type="submit" class="btn btn-sm btn-outline-secondary">Comment</button>
                </form>
            </div>`;

        $$("[data-transition]", body).forEach((button) => button.addEventListener("click", () => transition(button.dataset.transition)));
        $("[data-schedule-form]", body)?.addEventListener("submit", (event) => {
            event.preventDefault();
            const publishAt = zoneInputToUtc($("#wf-publish-at").value);
            const unpublishAt = zoneInputToUtc($("#wf-unpublish-at").value);
            if (!publishAt && !unpublishAt) {
                showSummary(["Choose when to publish (or unpublish) before scheduling."]);
                return;
            }

            transition(transitions.includes("publish") ? "publish" : "schedule", { publishAt, unpublishAt });
        });
        $("[data-assign-form]", body)?.addEventListener("submit", async (event) => {
            event.preventDefault();
            const response = await api.fetch(`/api/content/${encodeURIComponent(state.id)}/assignment`, {
                method: "PUT",
                headers: { "If-Match": `"${state.version}"` },
                body: { assignedTo: $("#wf-assignee").value || null, due: zoneInputToUtc($("#wf-due").value) },
            });
            await afterWorkflowCall(response, "Reviewer assigned");
        });
        $("[data-comment-form]", body).addEventListener("submit", async (event) => {
            event.preventDefault();
            const text = $("#wf-comment").value.trim();
            if (!text) {
                $("#wf-comment").focus();
                return;
            }

            const response = await api.fetch(`/api/content/${encodeURIComponent(state.id)}/comments`, { method: "POST", body: { text } });
            if (response.ok) {
                setStatus("Comment added");
                await loadWorkflow();
                $("#wf-comment")?.focus();
            } else {
                const problem = await problemOf(response);
                showSummary([problem.errors?.[0]?.message || problem.detail || problem.title]);
            }
        });
    }

    async function afterWorkflowCall(response, done) {
        if (response.ok) {
            const item = await response.json();
            const workflow = item.Workflow;
            const untouched = !isDirty();
            adopt(item);
            if (untouched) {
                state.snapshot = stable(collect());
            }

            setStatus(done);
            await loadWorkflow();
            if (workflow?.Stage === "Published" || (workflow?.HasPublishedVersion)) {
                state.everPublished = true;
            }

            return true;
        }

        const problem = await problemOf(response);
        const message = problem.errors?.map((e) => e.message).join(" ") || problem.detail || problem.title;
        showSummary([response.status === 403 ? `You may not do this: ${message}` : message]);
        setStatus("Not done");
        return false;
    }

    async function transition(name, plan = {}) {
        if (!state.id) {
            if (!(await save())) {
                return;
            }
        } else if (isDirty() && !(await save())) {
            return;
        }

        let comment = null;
        if ((state.workflow?.CommentRequired || []).includes(name)) {
            const values = await ask(transitionLabels[name]?.[0] || name, [{ name: "comment", label: "Comment: say what to change (required)", type: "textarea", required: true }]);
            if (!values) {
                return;
            }

            comment = values.comment.trim();
        }

        clearErrors();
        setStatus("Working…");
        const response = await api.fetch(`/api/content/${encodeURIComponent(state.id)}/transitions/${encodeURIComponent(name)}`, {
            method: "POST",
            headers: { "If-Match": `"${state.version}"` },
            body: { comment, publishAt: plan.publishAt || null, unpublishAt: plan.unpublishAt || null },
        });
        const labels = { submit: "Submitted for review", "request-changes": "Changes requested", approve: "Approved", publish: plan.publishAt ? "Scheduled" : "Published", schedule: "Scheduled", unpublish: "Unpublished", withdraw: "Withdrawn" };
        await afterWorkflowCall(response, labels[name] || "Done");
    }

    // ---------------------------------------------------------------- toolbar, shortcuts, leaving

    $("#editor-save").addEventListener("click", () => save());
    const previewForm = $("#editor-preview-form");
    previewForm.addEventListener("submit", () => {
        $("#editor-preview-item").value = JSON.stringify(collect());
    });

    document.addEventListener("keydown", (event) => {
        const mod = event.ctrlKey || event.metaKey;
        if (!mod) {
            return;
        }

        if (event.key.toLowerCase() === "s" && !event.shiftKey) {
            event.preventDefault();
            save();
        } else if (event.key === "Enter") {
            event.preventDefault();
            if (state.workflow?.Transitions?.includes("submit") || !state.id) {
                transition("submit");
            } else {
                save();
            }
        } else if (event.shiftKey && event.key.toLowerCase() === "p") {
            event.preventDefault();
            previewForm.requestSubmit();
        }
    });

    window.addEventListener("beforeunload", (event) => {
        if (isDirty()) {
            event.preventDefault();
            event.returnValue = "";
        }
    });

    form.addEventListener("input", changed);
    form.addEventListener("change", changed);
    form.addEventListener("submit", (event) => {
        event.preventDefault();
        save();
    });

    // ---------------------------------------------------------------- start

    for (const el of fields) {
        const handler = handlerOf(el);
        handler.init?.(el, valueOf(el));
    }

    state.snapshot = stable(collect());
    state.lastAutosaved = state.snapshot;
    updateCounts();
    root.dataset.ready = "true";
    setInterval(autosave, 3000);
    offerAutosave();
    loadWorkflow();
})();
