// The admin's calls to the CMS's own APIs (/api/content, /api/media, ...): same-origin cookie, JSON, and the
// antiforgery token from the layout in the RequestVerificationToken header, which the API requires of every
// cookie-authenticated write.
(() => {
    "use strict";

    const token = () => document.querySelector('meta[name="request-verification-token"]')?.content ?? "";

    /** fetch() for /api/*: adds the antiforgery header and, for a plain object body, JSON encoding. */
    async function apiFetch(url, options = {}) {
        const headers = new Headers(options.headers ?? {});
        headers.set("RequestVerificationToken", token());
        let body = options.body;
        if (body !== undefined && body !== null && !(body instanceof FormData) && typeof body !== "string" && !(body instanceof Blob)) {
            body = JSON.stringify(body);
            headers.set("Content-Type", "application/json");
        }

        return fetch(url, { ...options, headers, body, credentials: "same-origin" });
    }

    window.cmsApi = { fetch: apiFetch, token };
})();
