// The menu editor (/admin/menus/{id}): a tree of entries that can be dragged (SortableJS, from npm) or moved with
// buttons (up, down, indent, outdent: the keyboard way), renamed, removed, and added (a link, or a section or page
// found with the picker search). Save sends the whole menu to /api/content with If-Match; the server checks it (depth,
// safe links, existing targets) and its messages are shown as they come. A save on top of someone else's gets 412.
(() => {
    "use strict";

    const root = document.querySelector("[data-menu-editor]");
    if (!root) {
        return;
    }

    const api = window.cmsApi;
    const maxDepth = Number(root.dataset.maxDepth || 3);
    const targets = JSON.parse(root.dataset.targets || "{}");
    const tree = root.querySelector("[data-menu-tree]");
    const status = root.querySelector("[data-menu-status]");
    const errorList = root.querySelector("[data-menu-errors]");
    const state = { id: root.dataset.id, version: root.dataset.version, items: parse(JSON.parse(root.dataset.items || "[]")), dirty: false };
    let counter = 0;

    /** Stored entries to the editor's model: { id, type, label, url, target, targetId, children, extra }. */
    function parse(entries) {
        return entries.map((entry) => ({
            id: entry.ContentItemId,
            type: entry.ContentType,
            label: entry.DisplayText ?? "",
            url: entry.LinkMenuItemPart?.Url ?? "",
            linkTarget: entry.LinkMenuItemPart?.Target ?? "",
            targetId: entry.ContentMenuItemPart?.SelectedContentItem?.ContentItemIds?.[0] ?? null,
            children: parse(entry.MenuItemsListPart?.MenuItems ?? []),
        }));
    }

    /** The model back to Orchard Core's stored shape. */
    function serialize(items) {
        return items.map((item) => {
            const entry = { ContentItemId: item.id, ContentType: item.type, DisplayText: item.label };
            if (item.type === "LinkMenuItem") {
                entry.LinkMenuItemPart = { Url: item.url, Target: item.linkTarget };
            } else {
                entry.ContentMenuItemPart = { SelectedContentItem: { ContentItemIds: item.targetId ? [item.targetId] : [] } };
            }

            entry.MenuItemsListPart = { MenuItems: serialize(item.children) };
            return entry;
        });
    }

    function newId() {
        counter += 1;
        return `mi-${Date.now().toString(36)}-${counter}`;
    }

    function locate(id, items = state.items, parent = null) {
        for (let i = 0; i < items.length; i++) {
            if (items[i].id === id) {
                return { list: items, index: i, item: items[i], parent };
            }

            const found = locate(id, items[i].children, items[i]);
            if (found) {
                return found;
            }
        }

        return null;
    }

    function depthOf(items) {
        return items.length === 0 ? 0 : 1 + Math.max(...items.map((i) => depthOf(i.children)));
    }

    function levelOf(id) {
        let level = 0;
        for (let found = locate(id); found; found = found.parent ? locate(found.parent.id) : null) {
            level += 1;
        }

        return level;
    }

    function changed(message) {
        state.dirty = true;
        render();
        status.textContent = message ?? "Not saved yet.";
    }

    const actions = {
        up(id) {
            const { list, index } = locate(id);
            if (index > 0) {
                [list[index - 1], list[index]] = [list[index], list[index - 1]];
                return "Moved up.";
            }

            return null;
        },
        down(id) {
            const { list, index } = locate(id);
            if (index < list.length - 1) {
                [list[index + 1], list[index]] = [list[index], list[index + 1]];
                return "Moved down.";
            }

            return null;
        },
        indent(id) {
            const { list, index, item } = locate(id);
            if (index === 0) {
                return "There is no entry above to put it under.";
            }

            if (levelOf(id) + depthOf([item]) > maxDepth) {
                return `Menus nest at most ${maxDepth} levels.`;
            }

            list.splice(index, 1);
            list[index - 1].children.push(item);
            return `Now under ${list[index - 1].label}.`;
        },
        outdent(id) {
            const found = locate(id);
            if (!found.parent) {
                return "It is already on the top level.";
            }

            const outer = locate(found.parent.id);
            found.list.splice(found.index, 1);
            outer.list.splice(outer.index + 1, 0, found.item);
            return "Moved back one level.";
        },
        remove(id) {
            const { list, index, item } = locate(id);
            list.splice(index, 1);
            return `Removed ${item.label}${item.children.length ? " and what was under it" : ""}.`;
        },
    };

    function button(action, icon, label, id) {
        const b = document.createElement("button");
        b.type = "button";
        b.className = "btn btn-sm btn-outline-secondary";
        b.dataset.action = action;
        b.dataset.id = id;
        b.setAttribute("aria-label", label);
        b.title = label;
        b.innerHTML = `<i class="bi ${icon}" aria-hidden="true"></i>`;
        return b;
    }

    function renderList(items, list, level) {
        list.replaceChildren(...items.map((item) => {
            const li = document.createElement("li");
            li.className = "menu-entry";
            li.dataset.id = item.id;
            const row = document.createElement("div");
            row.className = "menu-entry-row";
            const handle = document.createElement("span");
            handle.className = "menu-entry-handle";
            handle.innerHTML = '<i class="bi bi-grip-vertical" aria-hidden="true"></i>';
            handle.title = "Drag to move";
            const label = document.createElement("input");
            label.className = "form-control form-control-sm menu-entry-label";
            label.value = item.label;
            label.dataset.id = item.id;
            label.setAttribute("aria-label", `Text of the entry on level ${level}`);
            label.addEventListener("input", () => {
                locate(item.id).item.label = label.value;
                state.dirty = true;
                status.textContent = "Not saved yet.";
            });
            const target = document.createElement("span");
            target.className = "menu-entry-target small text-body-secondary";
            if (item.type === "LinkMenuItem") {
                target.textContent = `Link: ${item.url}`;
            } else {
                const info = targets[item.targetId];
                target.textContent = info ? `${info.contentType}: ${info.displayText}${info.published ? "" : " (not published)"}` : `Missing item ${item.targetId}`;
            }

            const tools = document.createElement("span");
            tools.className = "menu-entry-tools btn-group";
            tools.append(
                button("up", "bi-arrow-up", `Move ${item.label} up`, item.id),
                button("down", "bi-arrow-down", `Move ${item.label} down`, item.id),
                button("outdent", "bi-arrow-left", `Move ${item.label} back one level`, item.id),
                button("indent", "bi-arrow-right", `Put ${item.label} under the entry above`, item.id),
                button("remove", "bi-trash", `Remove ${item.label}`, item.id));
            row.append(handle, label, target, tools);
            const children = document.createElement("ol");
            children.className = "menu-tree list-unstyled";
            children.dataset.level = String(level + 1);
            renderList(item.children, children, level + 1);
            li.append(row, children);
            return li;
        }));
        makeSortable(list);
    }

    function makeSortable(list) {
        if (!window.Sortable || list._sortable) {
            return;
        }

        list._sortable = window.Sortable.create(list, {
            group: "menu",
            handle: ".menu-entry-handle",
            animation: 120,
            // Pointer events rather than the browser's HTML5 drag and drop: the same on touch screens and mice.
            forceFallback: true,
            fallbackOnBody: true,
            swapThreshold: 0.6,
            onMove: (event) => {
                // Refuse a drop that would nest deeper than the limit.
                const targetLevel = event.to === tree ? 1 : Number(event.to.dataset.level);
                const moving = locate(event.dragged.dataset.id)?.item;
                return !moving || targetLevel + depthOf([moving]) - 1 <= maxDepth;
            },
            onEnd: () => {
                state.items = fromDom(tree);
                changed("Moved.");
            },
        });
    }

    /** After a drag, the order and nesting are read back from the list elements. */
    function fromDom(list) {
        return [...list.children].filter((li) => li.dataset.id).map((li) => {
            const item = locate(li.dataset.id).item;
            return { ...item, children: fromDom(li.querySelector(":scope > ol")) };
        });
    }

    function render() {
        tree.replaceChildren();
        tree._sortable?.destroy();
        tree._sortable = null;
        renderList(state.items, tree, 1);
        root.querySelector("[data-menu-empty]").classList.toggle("d-none", state.items.length > 0);
    }

    tree.addEventListener("click", (event) => {
        const b = event.target.closest("button[data-action]");
        if (!b) {
            return;
        }

        const message = actions[b.dataset.action](b.dataset.id);
        if (message) {
            changed(message);
            const again = tree.querySelector(`button[data-action="${b.dataset.action}"][data-id="${CSS.escape(b.dataset.id)}"]`)
                ?? tree.querySelector(`input[data-id="${CSS.escape(b.dataset.id)}"]`);
            again?.focus();
        }
    });

    root.querySelector("[data-add-link]").addEventListener("click", () => {
        const text = root.querySelector("[data-link-text]");
        const url = root.querySelector("[data-link-url]");
        if (!text.value.trim() || !url.value.trim()) {
            status.textContent = "A link needs a text and an address.";
            return;
        }

        state.items.push({ id: newId(), type: "LinkMenuItem", label: text.value.trim(), url: url.value.trim(), linkTarget: "", targetId: null, children: [] });
        text.value = "";
        url.value = "";
        changed("Link added at the end.");
    });

    // The picker: the same search the content editor's pickers use, limited to sections and pages.
    const search = root.querySelector("[data-content-search]");
    const results = root.querySelector("[data-content-results]");
    let searchTimer = 0;
    search.addEventListener("input", () => {
        clearTimeout(searchTimer);
        searchTimer = setTimeout(async () => {
            const query = new URLSearchParams({ q: search.value, take: "8" });
            query.append("type", "Section");
            query.append("type", "Page");
            const response = await api.fetch(`/api/content/picker/search?${query}`);
            if (!response.ok) {
                return;
            }

            const options = await response.json();
            results.replaceChildren(...options.map((option, index) => {
                const li = document.createElement("li");
                li.className = "list-group-item list-group-item-action";
                li.id = `menu-content-option-${index}`;
                li.setAttribute("role", "option");
                li.tabIndex = 0;
                li.textContent = `${option.displayText || option.contentItemId} (${option.contentType})`;
                const choose = () => {
                    targets[option.contentItemId] = { displayText: option.displayText, contentType: option.contentType, published: option.published };
                    state.items.push({ id: newId(), type: "ContentMenuItem", label: option.displayText || "", url: "", linkTarget: "", targetId: option.contentItemId, children: [] });
                    results.replaceChildren();
                    search.setAttribute("aria-expanded", "false");
                    search.value = "";
                    changed(`${option.displayText} added at the end.`);
                };
                li.addEventListener("click", choose);
                li.addEventListener("keydown", (event) => {
                    if (event.key === "Enter" || event.key === " ") {
                        event.preventDefault();
                        choose();
                    }
                });
                return li;
            }));
            search.setAttribute("aria-expanded", options.length > 0 ? "true" : "false");
        }, 200);
    });

    async function save() {
        errorList.replaceChildren();
        status.textContent = "Saving…";
        const title = root.querySelector("[data-menu-title]").value;
        const body = {
            ContentItemId: state.id,
            ContentType: "Menu",
            TitlePart: { Title: title },
            MenuItemsListPart: { MenuItems: serialize(state.items) },
        };
        const response = await api.fetch("/api/content", { method: "POST", body, headers: { "If-Match": `"${state.version}"` } });
        if (response.ok) {
            const saved = await response.json();
            state.version = (response.headers.get("ETag") ?? "").replaceAll('"', "") || saved.contentItemVersionId || state.version;
            state.items = parse(saved.MenuItemsListPart?.MenuItems ?? saved.menuItemsListPart?.menuItems ?? serialize(state.items));
            state.dirty = false;
            document.querySelector("[data-menu-heading]").textContent = title;
            render();
            status.textContent = "Saved: the menu is live.";
            return;
        }

        const problem = await response.json().catch(() => ({}));
        if (response.status === 412) {
            status.textContent = "Someone else saved this menu after you opened it. Reload the page to see their version, then make your change again.";
            return;
        }

        status.textContent = problem.title ?? `The menu was not saved (${response.status}).`;
        const errors = problem.errors ?? {};
        errorList.replaceChildren(...Object.entries(errors).flatMap(([path, messages]) => messages.map((message) => {
            const li = document.createElement("li");
            li.textContent = `${path}: ${message}`;
            return li;
        })));
    }

    root.querySelector("[data-menu-save]").addEventListener("click", () => save().catch((error) => {
        status.textContent = `The menu was not saved: ${error.message}`;
    }));
    window.addEventListener("beforeunload", (event) => {
        if (state.dirty) {
            event.preventDefault();
        }
    });

    render();
})();
