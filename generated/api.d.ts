// Generated from openapi/ by `npm run generate`. Do not edit.

export interface paths {
    "/api/v1/auth/register": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create an account
         * @description Creates a `customer` account and signs it in: answers the user, an access token and a refresh token (cookie; body too for non-browser clients). Emails are case-insensitive and unique (409 `EMAIL_TAKEN`). Weak or common passwords answer 400 `WEAK_PASSWORD`. Sending `role` or any other unknown field is a 400.
         */
        post: operations["register"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign in
         * @description Checks the email and password and opens a new session. A wrong email and a wrong password answer the same 401 `INVALID_CREDENTIALS` with the same body and similar timing. A disabled account answers 403 `ACCOUNT_DISABLED` once its password is right. After 5 consecutive failures for one email from one IP that pair is locked (429 `RATE_LIMITED` with `Retry-After`, 15 minutes by default); an IP is also limited per day across emails. Locks are kept in PostgreSQL (or Redis), so a restart does not lift them.
         */
        post: operations["login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rotate the refresh token
         * @description Exchanges a refresh token (the cookie, or `{refreshToken}` for non-browser clients) for a new access token and a NEW refresh token; the one presented is dead from now on. Sessions have an absolute lifetime (30 days by default) that refreshing does not extend.
         *
         *     Reuse detection: presenting a refresh token that was already rotated revokes the whole session (every token of its family, and its access tokens) and answers 401; it is recorded as a security event. Grace rule: a token rotated less than 10 seconds ago (two tabs refreshing at once) answers 409 `REFRESH_CONFLICT` instead and revokes nothing: only one of two concurrent refreshes succeeds, and the other should retry with the newest cookie.
         */
        post: operations["refresh"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign out of this session
         * @description Revokes the session of the access token: its refresh tokens and its access tokens stop working at once. Clears the refresh cookie.
         */
        post: operations["logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/logout-all": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign out everywhere
         * @description Revokes every session of the user and bumps their token version, so every access token they hold stops working at once. Clears the refresh cookie.
         */
        post: operations["logoutAll"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List my active sessions
         * @description The caller's sessions that are neither revoked nor expired, newest first.
         */
        get: operations["listSessions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/sessions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Revoke one of my sessions
         * @description Ends the session (its refresh and access tokens stop working at once). Another user's session answers 404, exactly like one that does not exist.
         */
        delete: operations["revokeSession"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Change my password
         * @description Needs the current password (401 `INVALID_CREDENTIALS` when wrong). Every other session of the user is revoked; the session making the request stays signed in.
         */
        post: operations["changePassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/password-reset/request": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Ask for a password-reset link
         * @description Always answers 202, whether or not the email belongs to an account, so it cannot be used to find accounts. When it does, a single-use link valid for 30 minutes is sent by mail (the development mail transport writes it to the log).
         */
        post: operations["requestPasswordReset"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/password-reset/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Set a new password with a reset token
         * @description Sets the new password and revokes every session of the user. The token works once and expires after 30 minutes; an unknown, used or expired token answers 400 `INVALID_RESET_TOKEN`.
         */
        post: operations["confirmPasswordReset"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My account */
        get: operations["getMe"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change my name or email */
        patch: operations["updateMe"];
        trace?: never;
    };
    "/api/v1/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List users (admin)
         * @description Admins only (403 otherwise). Filters by `role` and by `q`, a case-insensitive substring of the email or name; newest first. Deleted users are not listed.
         */
        get: operations["listUsers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The resource's UUID.
                 * @example 3f1c2a4e-6b7d-4e8f-9a0b-1c2d3e4f5a6b
                 */
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        /** One user (admin) */
        get: operations["getUser"];
        put?: never;
        post?: never;
        /**
         * Delete a user (admin)
         * @description Ends all the user's sessions at once and anonymises the account: email, name and password hash are erased, the row stays so that records which refer to it (orders, the audit log) stay whole. An admin cannot delete themself (409).
         */
        delete: operations["deleteUser"];
        options?: never;
        head?: never;
        /** Change a user's role or disable them (admin) */
        patch: operations["updateUser"];
        trace?: never;
    };
    "/api/v1/products": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Browse products
         * @description Public. Archived products are never listed. Filters combine with AND. `sort` is one of `name`, `priceCents`, `createdAt`, with `-` for descending (default `-createdAt`); ties are broken by `id` so pages never overlap or skip.
         *
         *     Two ways to page: `page` (1-based, with `total`) for page numbers, or `cursor` (the `nextCursor` of the previous answer) for deep traversal that costs the same at any depth. A cursor only works with the filters and sort that produced it; anything else, or a damaged cursor, is 400 `INVALID_CURSOR`, and so is `page` combined with `cursor`.
         *
         *     Page mode counts the matching products only as far as ten pages past the requested one (`page` × `limit` + 10 × `limit`): when they end before that, `total` is exact (and the answer has no `totalExact`, as in v0.1.0); otherwise it is a lower bound ("at least `total`", `totalExact: false`), and `totalPages` with it, which is then always more than `page`. The count costs what the page costs, whatever the catalog's size. `exactTotal=true` asks for the exact count at any size, which visits every match (tens of milliseconds at a million products).
         */
        get: operations["listProducts"];
        put?: never;
        /**
         * Create a product (admin)
         * @description Admins only. A SKU that a live product already has is 409 `SKU_TAKEN`.
         */
        post: operations["createProduct"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/products/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The resource's UUID.
                 * @example 3f1c2a4e-6b7d-4e8f-9a0b-1c2d3e4f5a6b
                 */
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        /**
         * One product
         * @description Public. Answers a strong `ETag`; send it back in `If-None-Match` to get 304 without a body while the product is unchanged. Archived products are 404.
         */
        get: operations["getProduct"];
        put?: never;
        post?: never;
        /**
         * Archive a product (admin)
         * @description Admins only. The product is archived, not erased: it disappears from the catalog (404 on reads) but stays in the database for the orders that reference it, and its SKU becomes free for a new product.
         */
        delete: operations["deleteProduct"];
        options?: never;
        head?: never;
        /**
         * Change a product (admin)
         * @description Admins only. With `If-Match` the change applies only to the version you read (412 `PRECONDITION_FAILED` otherwise); without it the last write wins. Answers the new `ETag`. Changing `sku` to one that another live product has is 409 `SKU_TAKEN`, and changes nothing.
         */
        patch: operations["updateProduct"];
        trace?: never;
    };
    "/api/v1/orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List orders
         * @description Customers see their own orders; admins see everyone's and may filter by `userId` (a customer sending `userId` is 403). Newest first.
         */
        get: operations["listOrders"];
        put?: never;
        /**
         * Place an order (checkout)
         * @description Takes stock for every line in one transaction: either every line is filled or nothing changes and the answer is 409 `INSUFFICIENT_STOCK` with one detail per line that cannot be filled. A product that does not exist or is archived is 400 `UNKNOWN_PRODUCT`; a product on two lines is 400 `DUPLICATE_PRODUCT` (add the quantities instead); all lines must share one currency (400 `MIXED_CURRENCIES` otherwise). A confirmation job is queued in the same transaction.
         *
         *     `Idempotency-Key` is required. The same key with the same body within 24 hours answers the stored 201 again (header `Idempotent-Replayed: true`) without placing a second order; the same key with another body is 422 `IDEMPOTENCY_KEY_REUSED`. Concurrent requests with one key wait for the first and then replay it. Keys are scoped to the user. Failed attempts are not stored: retrying a 409 tries again.
         */
        post: operations["createOrder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The resource's UUID.
                 * @example 3f1c2a4e-6b7d-4e8f-9a0b-1c2d3e4f5a6b
                 */
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        /**
         * One order
         * @description The owner or an admin. Another customer's order answers 404, like a missing one.
         */
        get: operations["getOrder"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The resource's UUID.
                 * @example 3f1c2a4e-6b7d-4e8f-9a0b-1c2d3e4f5a6b
                 */
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel an order
         * @description The owner while `pending`, an admin while `pending` or `paid`. The stock of every line goes back exactly once; cancelling again, or in another state, is 409 `INVALID_TRANSITION`.
         */
        post: operations["cancelOrder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}/status": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The resource's UUID.
                 * @example 3f1c2a4e-6b7d-4e8f-9a0b-1c2d3e4f5a6b
                 */
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Move an order along the workflow (admin)
         * @description pending → paid → shipped → delivered. Any other move is 409 `INVALID_TRANSITION`.
         */
        patch: operations["updateOrderStatus"];
        trace?: never;
    };
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Liveness
         * @description Answers 200 while the process runs and its event loop turns. It does not touch the database: use `/ready` to decide whether to send traffic here.
         */
        get: operations["getHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Readiness
         * @description Answers 200 when this instance can serve traffic: the database answers within the check's time limit and the process is not shutting down. Answers 503 `SERVICE_UNAVAILABLE` while the database is unreachable (it recovers by itself when the database returns) and while the process drains connections after SIGTERM, so a load balancer stops sending it new work.
         */
        get: operations["getReadiness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The contract as JSON
         * @description The bundled OpenAPI document that this server validates against, as JSON.
         */
        get: operations["getOpenApiJson"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/openapi.yaml": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The contract as YAML
         * @description The bundled OpenAPI document that this server validates against, as YAML.
         */
        get: operations["getOpenApiYaml"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/docs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * API reference page
         * @description The Redoc reference page for this contract, built offline by `npm run generate` (`redocly build-docs --inlineBundle`): it loads nothing from a CDN. A browser gets it gzip-compressed (about 0.7 MB on the wire instead of 2.6 MB).
         */
        get: operations["getDocs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Prometheus metrics
         * @description Prometheus text format: `http_request_duration_seconds` by method, route template and status; Node's defaults (event-loop lag, memory, GC); `db_pool_connections`; `job_queue_backlog` by queue; `rate_limit_rejections_total` by limiter; with read replicas, `db_replica_lag_seconds` by replica and `db_replica_reads_enabled`. It is served over plain HTTP in production too, like the probes. `METRICS_ENABLED=false` turns it off (404). With `METRICS_TOKEN` set it needs `Authorization: Bearer <token>` (401 otherwise); without a token it is open, so restrict it at the network (e.g. scrape inside the cluster only).
         */
        get: operations["getMetrics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /**
         * Format: email
         * @description Case-insensitive; stored in lower case.
         * @example ada@example.com
         */
        Email: string;
        /**
         * @description 8–128 characters. Refused with 400 `WEAK_PASSWORD` when a strength estimator (zxcvbn) rates it guessable (score below 3), e.g. a common password or one built from the account's own email or name. The estimator rates the first 64 characters: a password whose start is guessable is refused whatever follows.
         * @example correct-horse-battery-staple
         */
        NewPassword: string;
        RegisterRequest: {
            email: components["schemas"]["Email"];
            password: components["schemas"]["NewPassword"];
            /** @example Ada Lovelace */
            name: string;
        };
        /**
         * @description `customer` (every new account) or `admin`.
         * @example customer
         * @enum {string}
         */
        Role: "customer" | "admin";
        /** @description A user as every endpoint returns it. Never contains a password hash or any token. */
        User: {
            /**
             * Format: uuid
             * @example 3f1c2a4e-6b7d-4e8f-9a0b-1c2d3e4f5a6b
             */
            id: string;
            email: components["schemas"]["Email"];
            /** @example Ada Lovelace */
            name: string;
            role: components["schemas"]["Role"];
            /** @example false */
            disabled: boolean;
            /**
             * Format: date-time
             * @example 2026-11-24T10:00:00.000Z
             */
            createdAt: string;
            /**
             * Format: date-time
             * @example 2026-11-24T10:00:00.000Z
             */
            updatedAt: string;
        };
        /**
         * @description Opaque, random, single-use (rotated on every refresh).
         * @example q3J6mC8c0hD2n4oZpR5tU7vW9xY1zA3bC5dE7fG9hJ0
         */
        RefreshToken: string;
        AuthResult: {
            /** @enum {string} */
            status: "success";
            data: {
                user: components["schemas"]["User"];
                /**
                 * @description JWT (HS256) to send as `Authorization: Bearer <token>`.
                 * @example eyJhbGciOiJIUzI1NiIsInR5cCI6ImF0K2p3dCJ9.eyJzdWIiOiIzZjFjIn0.sig
                 */
                accessToken: string;
                /**
                 * Format: int32
                 * @description Seconds until the access token expires.
                 * @example 900
                 */
                expiresIn: number;
                /** @description Present only for non-browser clients (requests without a `Sec-Fetch-Site` header). Browsers get it only as the HttpOnly cookie, out of reach of scripts. */
                refreshToken?: components["schemas"]["RefreshToken"];
            };
        };
        ErrorDetail: {
            /**
             * @description Where the problem is, e.g. `/body/email` or `/query/limit`.
             * @example /body/email
             */
            path: string;
            /** @example must match format "email" */
            message: string;
        };
        /** @description The one shape of every error. `code` is stable and meant for programs; `message` is for people and may change. `stack` is present only when the server runs in development. */
        ErrorEnvelope: {
            /** @enum {string} */
            status: "error";
            /**
             * @description One of VALIDATION_ERROR, INVALID_JSON, UNAUTHENTICATED, TOKEN_EXPIRED, FORBIDDEN, NOT_FOUND, METHOD_NOT_ALLOWED, CONFLICT, PRECONDITION_FAILED, PAYLOAD_TOO_LARGE, UNSUPPORTED_MEDIA_TYPE, RATE_LIMITED, INTERNAL, SERVICE_UNAVAILABLE, or a domain code documented on the operation.
             * @example VALIDATION_ERROR
             */
            code: string;
            /** @example The request is not valid. */
            message: string;
            /** @description Field-level problems, for validation failures. */
            details?: components["schemas"]["ErrorDetail"][];
            /** @example 0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d */
            requestId: string;
            /** @description Development only. Never sent in production. */
            stack?: string;
        };
        LoginRequest: {
            email: components["schemas"]["Email"];
            /** @example correct-horse-battery-staple */
            password: string;
        };
        /** @description For clients without cookies. Browsers send nothing: the refresh cookie is used. */
        RefreshRequest: {
            refreshToken?: components["schemas"]["RefreshToken"];
        };
        Session: {
            /** Format: uuid */
            id: string;
            /** @description Whether this is the session of the access token making the request. */
            current: boolean;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            lastUsedAt: string;
            /**
             * Format: date-time
             * @description The absolute end of the session; refreshing does not extend it.
             */
            expiresAt: string;
            ip: string | null;
            userAgent: string | null;
        };
        SessionList: {
            /** @enum {string} */
            status: "success";
            data: components["schemas"]["Session"][];
        };
        ChangePasswordRequest: {
            currentPassword: string;
            newPassword: components["schemas"]["NewPassword"];
        };
        PasswordResetRequest: {
            email: components["schemas"]["Email"];
        };
        PasswordResetConfirm: {
            /** @description The token from the reset link; single-use, expires after 30 minutes. */
            token: string;
            newPassword: components["schemas"]["NewPassword"];
        };
        UserResponse: {
            /** @enum {string} */
            status: "success";
            data: components["schemas"]["User"];
        };
        /** @description At least one field. Changing `email` needs `currentPassword` (400 `VALIDATION_ERROR` without it, 401 `INVALID_CREDENTIALS` when it is wrong); an email in use answers 409 `EMAIL_TAKEN`. */
        UpdateMeRequest: {
            name?: string;
            email?: components["schemas"]["Email"];
            currentPassword?: string;
        };
        Pagination: {
            /**
             * Format: int32
             * @example 1
             */
            page: number;
            /**
             * Format: int32
             * @example 20
             */
            limit: number;
            /**
             * Format: int64
             * @example 42
             */
            total: number;
            /**
             * Format: int64
             * @example 3
             */
            totalPages: number;
        };
        UserList: {
            /** @enum {string} */
            status: "success";
            data: components["schemas"]["User"][];
            meta: {
                pagination: components["schemas"]["Pagination"];
            };
        };
        /** @description At least one field. Disabling a user ends all their sessions and access tokens at once; changing the role ends their access tokens (their sessions refresh into the new role). An admin cannot demote or disable themself (409), so an installation always keeps an admin. */
        AdminUpdateUserRequest: {
            role?: components["schemas"]["Role"];
            disabled?: boolean;
        };
        /** @example furniture */
        Category: string;
        /**
         * @description Stock-keeping unit; unique among products that are not archived.
         * @example CHAIR-0001
         */
        Sku: string;
        /**
         * @description ISO 4217 code.
         * @example EUR
         */
        Currency: string;
        Product: {
            /**
             * Format: uuid
             * @example 3f1c2a4e-6b7d-4e8f-9a0b-1c2d3e4f5a6b
             */
            id: string;
            sku: components["schemas"]["Sku"];
            /** @example Ergonomic Steel Chair */
            name: string;
            /** @example A chair that is kind to your back. */
            description: string;
            /**
             * Format: int64
             * @description The price in minor units of `currency` (cents for EUR).
             * @example 12999
             */
            priceCents: number;
            currency: components["schemas"]["Currency"];
            /**
             * Format: int32
             * @example 42
             */
            stock: number;
            category: components["schemas"]["Category"];
            /**
             * Format: date-time
             * @example 2026-11-24T10:00:00.000Z
             */
            createdAt: string;
            /**
             * Format: date-time
             * @example 2026-11-24T10:00:00.000Z
             */
            updatedAt: string;
        };
        ProductList: {
            /** @enum {string} */
            status: "success";
            data: components["schemas"]["Product"][];
            meta: {
                /** @description Page mode (`page`) answers `page`, `limit`, `total`, `totalExact`, `totalPages` and `nextCursor`. Cursor mode (`cursor`) answers `limit` and `nextCursor` only: counting a million rows on every step of a deep walk is what cursors avoid. `nextCursor` is null on the last page. */
                pagination: {
                    /** Format: int32 */
                    page?: number;
                    /** Format: int32 */
                    limit: number;
                    /**
                     * Format: int64
                     * @description The number of matching products, unless `totalExact` is present (and false): then a lower bound (there are at least this many). Counting stops ten pages past the requested one unless the request has `exactTotal=true`.
                     */
                    total?: number;
                    /**
                     * @description Present, and false, only when `total` and `totalPages` are lower bounds: the matches go on more than ten pages past the requested one and `exactTotal` was not asked for (`totalPages` is then more than `page`). Absent when both are exact, so an exact answer has exactly the fields it had in v0.1.0, whose Pagination schema is closed.
                     * @enum {boolean}
                     */
                    totalExact?: false;
                    /**
                     * Format: int64
                     * @description `total` divided by `limit`, rounded up: a lower bound like `total` when `totalExact` is present.
                     */
                    totalPages?: number;
                    /** @description The `cursor` of the next page: opaque, base64url, at most 1,200 characters. */
                    nextCursor: string | null;
                };
            };
        };
        CreateProductRequest: {
            sku: components["schemas"]["Sku"];
            name: string;
            /** @default  */
            description: string;
            /** Format: int64 */
            priceCents: number;
            currency: components["schemas"]["Currency"];
            /** Format: int32 */
            stock: number;
            category: components["schemas"]["Category"];
        };
        ProductResponse: {
            /** @enum {string} */
            status: "success";
            data: components["schemas"]["Product"];
        };
        /** @description Any of the writable fields; at least one. */
        UpdateProductRequest: {
            sku?: components["schemas"]["Sku"];
            name?: string;
            description?: string;
            /** Format: int64 */
            priceCents?: number;
            currency?: components["schemas"]["Currency"];
            /** Format: int32 */
            stock?: number;
            category?: components["schemas"]["Category"];
        };
        /**
         * @description pending → paid → shipped → delivered; pending or paid → cancelled. Nothing else.
         * @example pending
         * @enum {string}
         */
        OrderStatus: "pending" | "paid" | "shipped" | "delivered" | "cancelled";
        OrderItem: {
            /** Format: uuid */
            productId: string;
            sku: string;
            name: string;
            /** Format: int32 */
            quantity: number;
            /**
             * Format: int64
             * @description The product's price when the order was placed.
             */
            unitPriceCents: number;
            /**
             * Format: int64
             * @description `quantity` × `unitPriceCents`: at most 1,000 × the highest price (100,000,000,000) = 100,000,000,000,000.
             */
            lineTotalCents: number;
        };
        Order: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            userId: string;
            status: components["schemas"]["OrderStatus"];
            currency: string;
            /**
             * Format: int64
             * @description The sum of `lineTotalCents`, in minor units of `currency`. At most 50 lines × 1,000 units × the highest price (100,000,000,000) = 5,000,000,000,000,000: below 2^53, so an exact integer in every JSON parser.
             */
            totalCents: number;
            items: components["schemas"]["OrderItem"][];
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        OrderList: {
            /** @enum {string} */
            status: "success";
            data: components["schemas"]["Order"][];
            meta: {
                pagination: components["schemas"]["Pagination"];
            };
        };
        /** @description 1–50 lines with distinct products (a product on two lines is 400 `DUPLICATE_PRODUCT`, which this schema cannot express), quantity 1–1000 each. Prices, currency and totals are never sent: the server takes them from the products at this moment. */
        CreateOrderRequest: {
            items: {
                /** Format: uuid */
                productId: string;
                /** Format: int32 */
                quantity: number;
            }[];
        };
        OrderResponse: {
            /** @enum {string} */
            status: "success";
            data: components["schemas"]["Order"];
        };
        UpdateOrderStatusRequest: {
            /**
             * @description The next step of the workflow; cancelling has its own endpoint.
             * @enum {string}
             */
            status: "paid" | "shipped" | "delivered";
        };
        Health: {
            /** @enum {string} */
            status: "success";
            data: {
                /** @enum {string} */
                status: "ok";
                /** @description Seconds since the process started. */
                uptimeSeconds: number;
            };
        };
        Readiness: {
            /** @enum {string} */
            status: "success";
            data: {
                /** @enum {string} */
                status: "ready";
                checks: {
                    /** @enum {string} */
                    database: "up";
                };
            };
        };
    };
    responses: {
        /** @description Nothing is found at this address. */
        NotFound: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                "RateLimit-Reset": components["headers"]["RateLimitReset"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /** @description This path does not offer this method. */
        MethodNotAllowed: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                Allow: components["headers"]["Allow"];
                "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                "RateLimit-Reset": components["headers"]["RateLimitReset"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /** @description Something went wrong on our side. */
        Internal: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /** @description The service cannot answer right now; try again after `Retry-After` seconds. Any operation may answer this: the database is unreachable, the instance is shutting down, or it is overloaded and sheds new requests before reading them (load shedding, see the README's configuration). */
        ServiceUnavailable: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                "Retry-After": components["headers"]["RetryAfter"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /** @description The request is not valid (`VALIDATION_ERROR`, with `details`), its body is not JSON (`INVALID_JSON`), or the new password is too easy to guess (`WEAK_PASSWORD`, with `details`). */
        WeakPassword: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                "RateLimit-Reset": components["headers"]["RateLimitReset"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /** @description Another account has this email (`EMAIL_TAKEN`). */
        EmailTaken: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                "RateLimit-Reset": components["headers"]["RateLimitReset"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /** @description The request body is larger than 100 KB. */
        PayloadTooLarge: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                "RateLimit-Reset": components["headers"]["RateLimitReset"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /** @description The request body must be sent as application/json. */
        UnsupportedMediaType: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                "RateLimit-Reset": components["headers"]["RateLimitReset"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /** @description Too many requests; try again later. */
        TooManyRequests: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                "Retry-After": components["headers"]["RetryAfter"];
                "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                "RateLimit-Reset": components["headers"]["RateLimitReset"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /** @description The request is not valid (`VALIDATION_ERROR`, with `details`) or its body is not JSON (`INVALID_JSON`). */
        BadRequest: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                "RateLimit-Reset": components["headers"]["RateLimitReset"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /** @description The email or the password is wrong; both answer the same (`INVALID_CREDENTIALS`). */
        LoginRejected: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                "RateLimit-Reset": components["headers"]["RateLimitReset"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /** @description The password is right but an admin has disabled the account (`ACCOUNT_DISABLED`). */
        AccountDisabled: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                "RateLimit-Reset": components["headers"]["RateLimitReset"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /** @description No refresh token was sent, or it is not valid (unknown, expired, revoked, or already rotated, which revokes its whole session). The refresh cookie is cleared. */
        RefreshRejected: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                "Set-Cookie": components["headers"]["ClearRefreshCookie"];
                "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                "RateLimit-Reset": components["headers"]["RateLimitReset"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /** @description Another request rotated this refresh token less than 10 seconds ago (`REFRESH_CONFLICT`): retry with the newest cookie. Nothing is revoked. */
        RefreshConflict: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                "RateLimit-Reset": components["headers"]["RateLimitReset"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /** @description Signed out; the refresh cookie is cleared. */
        SignedOut: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                "Set-Cookie": components["headers"]["ClearRefreshCookie"];
                "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                "RateLimit-Reset": components["headers"]["RateLimitReset"];
                [name: string]: unknown;
            };
            content?: never;
        };
        /** @description No valid credentials: `UNAUTHENTICATED` (missing, malformed, forged or revoked token) or `TOKEN_EXPIRED` (refresh and retry). */
        Unauthorized: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                "RateLimit-Reset": components["headers"]["RateLimitReset"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /** @description Done; nothing to return. */
        NoContent: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                "RateLimit-Reset": components["headers"]["RateLimitReset"];
                [name: string]: unknown;
            };
            content?: never;
        };
        /** @description No valid access token (`UNAUTHENTICATED`, `TOKEN_EXPIRED`), or the current password sent with the request is wrong (`INVALID_CREDENTIALS`). */
        BadCredentials: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                "RateLimit-Reset": components["headers"]["RateLimitReset"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /** @description The request is not valid (`VALIDATION_ERROR`), its body is not JSON (`INVALID_JSON`), the reset token is unknown, used or expired (`INVALID_RESET_TOKEN`), or the new password is too easy to guess (`WEAK_PASSWORD`). */
        ResetRejected: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                "RateLimit-Reset": components["headers"]["RateLimitReset"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /** @description The request is not valid (`VALIDATION_ERROR`, with `details`), its body is not JSON (`INVALID_JSON`), or it changes the email without `currentPassword` (`CURRENT_PASSWORD_REQUIRED`, detail at `/body/currentPassword`). */
        UpdateMeRejected: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                "RateLimit-Reset": components["headers"]["RateLimitReset"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /** @description You are not allowed to do this. */
        Forbidden: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                "RateLimit-Reset": components["headers"]["RateLimitReset"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /** @description The request conflicts with the current state of the resource. */
        Conflict: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                "RateLimit-Reset": components["headers"]["RateLimitReset"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /** @description A query parameter breaks its schema or an unknown one is sent (`VALIDATION_ERROR`, with `details`), or `cursor` cannot continue this query (`INVALID_CURSOR`, detail at `/query/cursor`): it is damaged, it came from other filters or another sort, or it is sent together with `page`. */
        ListBadRequest: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                "RateLimit-Reset": components["headers"]["RateLimitReset"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /** @description Another live product has this SKU (`SKU_TAKEN`). */
        SkuTaken: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                "RateLimit-Reset": components["headers"]["RateLimitReset"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /** @description The representation has not changed since the ETag in `If-None-Match`. */
        NotModified: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                ETag: components["headers"]["ETag"];
                [name: string]: unknown;
            };
            content?: never;
        };
        /** @description `If-Match` names a version that is no longer current: read the resource again. */
        PreconditionFailed: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                "RateLimit-Reset": components["headers"]["RateLimitReset"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /** @description The request breaks its schema (`VALIDATION_ERROR`, with `details`) or its body is not JSON (`INVALID_JSON`), or it is valid but cannot be an order: a product appears on two lines (`DUPLICATE_PRODUCT`), a product does not exist or is archived (`UNKNOWN_PRODUCT`), or the products have different currencies (`MIXED_CURRENCIES`). Each domain code has one detail per line or field concerned. */
        CheckoutBadRequest: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                "RateLimit-Reset": components["headers"]["RateLimitReset"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /** @description Some lines cannot be filled (`INSUFFICIENT_STOCK`, one detail per line); nothing changed. */
        InsufficientStock: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                "RateLimit-Reset": components["headers"]["RateLimitReset"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /** @description The request is well-formed but cannot be processed as sent. */
        UnprocessableEntity: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                "RateLimit-Reset": components["headers"]["RateLimitReset"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /** @description The order cannot move to that status from the one it has (`INVALID_TRANSITION`). */
        InvalidTransition: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                "RateLimit-Reset": components["headers"]["RateLimitReset"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
    };
    parameters: {
        /**
         * @description Sent by browsers on their own; scripts can neither set nor remove it. When it is present the refresh token travels only in the HttpOnly cookie and is left out of the body. Clients that are not browsers do not send it and get the token in the body as well.
         * @example same-origin
         */
        SecFetchSite: string;
        /**
         * @description The resource's UUID.
         * @example 3f1c2a4e-6b7d-4e8f-9a0b-1c2d3e4f5a6b
         */
        Id: string;
        /** @description 1-based page number. */
        Page: number;
        /** @description Items per page. */
        Limit: number;
        /**
         * @description An ETag you hold; 304 without a body when it is still current.
         * @example "v3"
         */
        IfNoneMatch: string;
        /**
         * @description The ETag you read. When given, the change applies only if it is still current (412 otherwise). Optional: without it the last write wins (no 428), so simple clients keep working.
         * @example "v3"
         */
        IfMatch: string;
        /**
         * @description The content codings the client accepts (RFC 9110, section 12.5.3), as browsers and HTTP clients send it. When it takes `gzip` over the identity (any q-value above 0), the document comes gzip-compressed with `Content-Encoding: gzip`, which the client's HTTP stack decodes; otherwise, or without the header, as it is. `Content-Encoding` is HTTP's own header, like `Content-Length`, so it is not listed among the response headers: a mock that answers from this contract sends the document as it is.
         * @example gzip, deflate, br, zstd
         */
        AcceptEncoding: string;
    };
    requestBodies: never;
    headers: {
        /**
         * @description The id of this request: the caller's own `X-Request-Id` when it was a sane id, otherwise a generated UUID. It appears in every log line the request produced.
         * @example 0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d
         */
        XRequestId: string;
        /**
         * @description The refresh token cookie: `refresh_token=…; Path=/api/v1/auth; HttpOnly; SameSite=Strict; Secure` (Secure outside development), with `Max-Age` up to the session's absolute end.
         * @example refresh_token=q3J6mC8c0hD2n4oZpR5tU7vW9xY1zA3bC5dE7fG9hJ0; Max-Age=2592000; Path=/api/v1/auth; HttpOnly; Secure; SameSite=Strict
         */
        SetRefreshCookie: string;
        /**
         * @description The request quota that applies (per IP, per user, or per checkout; the tightest one is shown). Sent on answers under `/api`.
         * @example 600
         */
        RateLimitLimit: number;
        /**
         * @description Requests left in the current window.
         * @example 599
         */
        RateLimitRemaining: number;
        /**
         * @description Seconds until the window resets.
         * @example 42
         */
        RateLimitReset: number;
        /**
         * @description Seconds to wait before trying again.
         * @example 30
         */
        RetryAfter: number;
        /**
         * @description The authentication scheme to use (RFC 9110): `Bearer`, or `Bearer error="invalid_token"` when the access token has expired.
         * @example Bearer
         */
        WWWAuthenticate: string;
        /**
         * @description Clears the refresh cookie: `refresh_token=` with `Expires` in the past, the same `Path`, `HttpOnly`, `SameSite=Strict` (and `Secure` outside development) it was set with.
         * @example refresh_token=; Path=/api/v1/auth; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; Secure; SameSite=Strict
         */
        ClearRefreshCookie: string;
        /**
         * @description How shared and private caches may keep this response.
         * @example public, max-age=0, must-revalidate
         */
        CacheControl: string;
        /**
         * @description `Origin` (with any other request headers the answer depends on): the CORS headers of this answer depend on the caller's `Origin`, so a shared or browser cache must not serve it to a caller from another origin. Sent on every response, whether or not the request had an allowed `Origin`.
         * @example Origin
         */
        Vary: string;
        /**
         * @description The address of the created resource.
         * @example /api/v1/products/3f1c2a4e-6b7d-4e8f-9a0b-1c2d3e4f5a6b
         */
        Location: string;
        /**
         * @description A strong validator of this representation; changes with every update.
         * @example "v3"
         */
        ETag: string;
        /**
         * @description `true` when this answer is the stored answer of an earlier request with the same `Idempotency-Key` (no second order was placed); absent otherwise.
         * @example true
         */
        IdempotentReplayed: "true";
        /**
         * @description The page's own policy: its inline scripts by hash, nothing loaded from elsewhere.
         * @example default-src 'none'; script-src 'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='; style-src 'unsafe-inline'
         */
        ContentSecurityPolicy: string;
        /**
         * @description The methods that this path does offer.
         * @example GET, HEAD
         */
        Allow: string;
    };
    pathItems: never;
}
export type SchemaEmail = components['schemas']['Email'];
export type SchemaNewPassword = components['schemas']['NewPassword'];
export type SchemaRegisterRequest = components['schemas']['RegisterRequest'];
export type SchemaRole = components['schemas']['Role'];
export type SchemaUser = components['schemas']['User'];
export type SchemaRefreshToken = components['schemas']['RefreshToken'];
export type SchemaAuthResult = components['schemas']['AuthResult'];
export type SchemaErrorDetail = components['schemas']['ErrorDetail'];
export type SchemaErrorEnvelope = components['schemas']['ErrorEnvelope'];
export type SchemaLoginRequest = components['schemas']['LoginRequest'];
export type SchemaRefreshRequest = components['schemas']['RefreshRequest'];
export type SchemaSession = components['schemas']['Session'];
export type SchemaSessionList = components['schemas']['SessionList'];
export type SchemaChangePasswordRequest = components['schemas']['ChangePasswordRequest'];
export type SchemaPasswordResetRequest = components['schemas']['PasswordResetRequest'];
export type SchemaPasswordResetConfirm = components['schemas']['PasswordResetConfirm'];
export type SchemaUserResponse = components['schemas']['UserResponse'];
export type SchemaUpdateMeRequest = components['schemas']['UpdateMeRequest'];
export type SchemaPagination = components['schemas']['Pagination'];
export type SchemaUserList = components['schemas']['UserList'];
export type SchemaAdminUpdateUserRequest = components['schemas']['AdminUpdateUserRequest'];
export type SchemaCategory = components['schemas']['Category'];
export type SchemaSku = components['schemas']['Sku'];
export type SchemaCurrency = components['schemas']['Currency'];
export type SchemaProduct = components['schemas']['Product'];
export type SchemaProductList = components['schemas']['ProductList'];
export type SchemaCreateProductRequest = components['schemas']['CreateProductRequest'];
export type SchemaProductResponse = components['schemas']['ProductResponse'];
export type SchemaUpdateProductRequest = components['schemas']['UpdateProductRequest'];
export type SchemaOrderStatus = components['schemas']['OrderStatus'];
export type SchemaOrderItem = components['schemas']['OrderItem'];
export type SchemaOrder = components['schemas']['Order'];
export type SchemaOrderList = components['schemas']['OrderList'];
export type SchemaCreateOrderRequest = components['schemas']['CreateOrderRequest'];
export type SchemaOrderResponse = components['schemas']['OrderResponse'];
export type SchemaUpdateOrderStatusRequest = components['schemas']['UpdateOrderStatusRequest'];
export type SchemaHealth = components['schemas']['Health'];
export type SchemaReadiness = components['schemas']['Readiness'];
export type ResponseNotFound = components['responses']['NotFound'];
export type ResponseMethodNotAllowed = components['responses']['MethodNotAllowed'];
export type ResponseInternal = components['responses']['Internal'];
export type ResponseServiceUnavailable = components['responses']['ServiceUnavailable'];
export type ResponseWeakPassword = components['responses']['WeakPassword'];
export type ResponseEmailTaken = components['responses']['EmailTaken'];
export type ResponsePayloadTooLarge = components['responses']['PayloadTooLarge'];
export type ResponseUnsupportedMediaType = components['responses']['UnsupportedMediaType'];
export type ResponseTooManyRequests = components['responses']['TooManyRequests'];
export type ResponseBadRequest = components['responses']['BadRequest'];
export type ResponseLoginRejected = components['responses']['LoginRejected'];
export type ResponseAccountDisabled = components['responses']['AccountDisabled'];
export type ResponseRefreshRejected = components['responses']['RefreshRejected'];
export type ResponseRefreshConflict = components['responses']['RefreshConflict'];
export type ResponseSignedOut = components['responses']['SignedOut'];
export type ResponseUnauthorized = components['responses']['Unauthorized'];
export type ResponseNoContent = components['responses']['NoContent'];
export type ResponseBadCredentials = components['responses']['BadCredentials'];
export type ResponseResetRejected = components['responses']['ResetRejected'];
export type ResponseUpdateMeRejected = components['responses']['UpdateMeRejected'];
export type ResponseForbidden = components['responses']['Forbidden'];
export type ResponseConflict = components['responses']['Conflict'];
export type ResponseListBadRequest = components['responses']['ListBadRequest'];
export type ResponseSkuTaken = components['responses']['SkuTaken'];
export type ResponseNotModified = components['responses']['NotModified'];
export type ResponsePreconditionFailed = components['responses']['PreconditionFailed'];
export type ResponseCheckoutBadRequest = components['responses']['CheckoutBadRequest'];
export type ResponseInsufficientStock = components['responses']['InsufficientStock'];
export type ResponseUnprocessableEntity = components['responses']['UnprocessableEntity'];
export type ResponseInvalidTransition = components['responses']['InvalidTransition'];
export type ParameterSecFetchSite = components['parameters']['SecFetchSite'];
export type ParameterId = components['parameters']['Id'];
export type ParameterPage = components['parameters']['Page'];
export type ParameterLimit = components['parameters']['Limit'];
export type ParameterIfNoneMatch = components['parameters']['IfNoneMatch'];
export type ParameterIfMatch = components['parameters']['IfMatch'];
export type ParameterAcceptEncoding = components['parameters']['AcceptEncoding'];
export type HeaderXRequestId = components['headers']['XRequestId'];
export type HeaderSetRefreshCookie = components['headers']['SetRefreshCookie'];
export type HeaderRateLimitLimit = components['headers']['RateLimitLimit'];
export type HeaderRateLimitRemaining = components['headers']['RateLimitRemaining'];
export type HeaderRateLimitReset = components['headers']['RateLimitReset'];
export type HeaderRetryAfter = components['headers']['RetryAfter'];
export type HeaderWwwAuthenticate = components['headers']['WWWAuthenticate'];
export type HeaderClearRefreshCookie = components['headers']['ClearRefreshCookie'];
export type HeaderCacheControl = components['headers']['CacheControl'];
export type HeaderVary = components['headers']['Vary'];
export type HeaderLocation = components['headers']['Location'];
export type HeaderETag = components['headers']['ETag'];
export type HeaderIdempotentReplayed = components['headers']['IdempotentReplayed'];
export type HeaderContentSecurityPolicy = components['headers']['ContentSecurityPolicy'];
export type HeaderAllow = components['headers']['Allow'];
export type $defs = Record<string, never>;
export interface operations {
    register: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Sent by browsers on their own; scripts can neither set nor remove it. When it is present the refresh token travels only in the HttpOnly cookie and is left out of the body. Clients that are not browsers do not send it and get the token in the body as well.
                 * @example same-origin
                 */
                "Sec-Fetch-Site"?: components["parameters"]["SecFetchSite"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "email": "ada@example.com",
                 *       "password": "correct-horse-battery-staple",
                 *       "name": "Ada Lovelace"
                 *     }
                 */
                "application/json": components["schemas"]["RegisterRequest"];
            };
        };
        responses: {
            /** @description Registered and signed in. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Set-Cookie": components["headers"]["SetRefreshCookie"];
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "success",
                     *       "data": {
                     *         "user": {
                     *           "id": "3f1c2a4e-6b7d-4e8f-9a0b-1c2d3e4f5a6b",
                     *           "email": "ada@example.com",
                     *           "name": "Ada Lovelace",
                     *           "role": "customer",
                     *           "disabled": false,
                     *           "createdAt": "2026-11-24T10:00:00.000Z",
                     *           "updatedAt": "2026-11-24T10:00:00.000Z"
                     *         },
                     *         "accessToken": "eyJhbGciOiJIUzI1NiIsInR5cCI6ImF0K2p3dCJ9.eyJzdWIiOiIzZjFjIn0.sig",
                     *         "expiresIn": 900,
                     *         "refreshToken": "q3J6mC8c0hD2n4oZpR5tU7vW9xY1zA3bC5dE7fG9hJ0"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["AuthResult"];
                };
            };
            400: components["responses"]["WeakPassword"];
            409: components["responses"]["EmailTaken"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    login: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Sent by browsers on their own; scripts can neither set nor remove it. When it is present the refresh token travels only in the HttpOnly cookie and is left out of the body. Clients that are not browsers do not send it and get the token in the body as well.
                 * @example same-origin
                 */
                "Sec-Fetch-Site"?: components["parameters"]["SecFetchSite"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "email": "ada@example.com",
                 *       "password": "correct-horse-battery-staple"
                 *     }
                 */
                "application/json": components["schemas"]["LoginRequest"];
            };
        };
        responses: {
            /** @description Signed in. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Set-Cookie": components["headers"]["SetRefreshCookie"];
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "success",
                     *       "data": {
                     *         "user": {
                     *           "id": "3f1c2a4e-6b7d-4e8f-9a0b-1c2d3e4f5a6b",
                     *           "email": "ada@example.com",
                     *           "name": "Ada Lovelace",
                     *           "role": "customer",
                     *           "disabled": false,
                     *           "createdAt": "2026-11-24T10:00:00.000Z",
                     *           "updatedAt": "2026-11-24T10:00:00.000Z"
                     *         },
                     *         "accessToken": "eyJhbGciOiJIUzI1NiIsInR5cCI6ImF0K2p3dCJ9.eyJzdWIiOiIzZjFjIn0.sig",
                     *         "expiresIn": 900,
                     *         "refreshToken": "q3J6mC8c0hD2n4oZpR5tU7vW9xY1zA3bC5dE7fG9hJ0"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["AuthResult"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["LoginRejected"];
            403: components["responses"]["AccountDisabled"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    refresh: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Sent by browsers on their own; scripts can neither set nor remove it. When it is present the refresh token travels only in the HttpOnly cookie and is left out of the body. Clients that are not browsers do not send it and get the token in the body as well.
                 * @example same-origin
                 */
                "Sec-Fetch-Site"?: components["parameters"]["SecFetchSite"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                /**
                 * @example {
                 *       "refreshToken": "q3J6mC8c0hD2n4oZpR5tU7vW9xY1zA3bC5dE7fG9hJ0"
                 *     }
                 */
                "application/json": components["schemas"]["RefreshRequest"];
            };
        };
        responses: {
            /** @description A new access token and a new refresh token. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Set-Cookie": components["headers"]["SetRefreshCookie"];
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "success",
                     *       "data": {
                     *         "user": {
                     *           "id": "3f1c2a4e-6b7d-4e8f-9a0b-1c2d3e4f5a6b",
                     *           "email": "ada@example.com",
                     *           "name": "Ada Lovelace",
                     *           "role": "customer",
                     *           "disabled": false,
                     *           "createdAt": "2026-11-24T10:00:00.000Z",
                     *           "updatedAt": "2026-11-24T10:00:00.000Z"
                     *         },
                     *         "accessToken": "eyJhbGciOiJIUzI1NiIsInR5cCI6ImF0K2p3dCJ9.eyJzdWIiOiIzZjFjIn0.sig",
                     *         "expiresIn": 900,
                     *         "refreshToken": "q3J6mC8c0hD2n4oZpR5tU7vW9xY1zA3bC5dE7fG9hJ0"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["AuthResult"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["RefreshRejected"];
            409: components["responses"]["RefreshConflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    logout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: components["responses"]["SignedOut"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    logoutAll: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: components["responses"]["SignedOut"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listSessions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The active sessions. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    revokeSession: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The resource's UUID.
                 * @example 3f1c2a4e-6b7d-4e8f-9a0b-1c2d3e4f5a6b
                 */
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: components["responses"]["NoContent"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    changePassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "currentPassword": "correct-horse-battery-staple",
                 *       "newPassword": "purple-monkey-dishwasher-42"
                 *     }
                 */
                "application/json": components["schemas"]["ChangePasswordRequest"];
            };
        };
        responses: {
            204: components["responses"]["NoContent"];
            400: components["responses"]["WeakPassword"];
            401: components["responses"]["BadCredentials"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    requestPasswordReset: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "email": "ada@example.com"
                 *     }
                 */
                "application/json": components["schemas"]["PasswordResetRequest"];
            };
        };
        responses: {
            /** @description Accepted; a link is on its way if the account exists. */
            202: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    confirmPasswordReset: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "token": "Zk3u9Qm2Lr8Tx4Wc7Vb1Np6Hs5Jd0Gf2Ka9Eo3Iy7Ut",
                 *       "newPassword": "purple-monkey-dishwasher-42"
                 *     }
                 */
                "application/json": components["schemas"]["PasswordResetConfirm"];
            };
        };
        responses: {
            204: components["responses"]["NoContent"];
            400: components["responses"]["ResetRejected"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The caller's account. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "success",
                     *       "data": {
                     *         "id": "3f1c2a4e-6b7d-4e8f-9a0b-1c2d3e4f5a6b",
                     *         "email": "ada@example.com",
                     *         "name": "Ada Lovelace",
                     *         "role": "customer",
                     *         "disabled": false,
                     *         "createdAt": "2026-11-24T10:00:00.000Z",
                     *         "updatedAt": "2026-11-24T10:00:00.000Z"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["UserResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    updateMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "Ada King"
                 *     }
                 */
                "application/json": components["schemas"]["UpdateMeRequest"];
            };
        };
        responses: {
            /** @description The updated account. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "success",
                     *       "data": {
                     *         "id": "3f1c2a4e-6b7d-4e8f-9a0b-1c2d3e4f5a6b",
                     *         "email": "ada@example.com",
                     *         "name": "Ada Lovelace",
                     *         "role": "customer",
                     *         "disabled": false,
                     *         "createdAt": "2026-11-24T10:00:00.000Z",
                     *         "updatedAt": "2026-11-24T10:00:00.000Z"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["UserResponse"];
                };
            };
            400: components["responses"]["UpdateMeRejected"];
            401: components["responses"]["BadCredentials"];
            409: components["responses"]["EmailTaken"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listUsers: {
        parameters: {
            query?: {
                role?: components["schemas"]["Role"];
                q?: string;
                /** @description 1-based page number. */
                page?: components["parameters"]["Page"];
                /** @description Items per page. */
                limit?: components["parameters"]["Limit"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of users. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The resource's UUID.
                 * @example 3f1c2a4e-6b7d-4e8f-9a0b-1c2d3e4f5a6b
                 */
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The user. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "success",
                     *       "data": {
                     *         "id": "3f1c2a4e-6b7d-4e8f-9a0b-1c2d3e4f5a6b",
                     *         "email": "ada@example.com",
                     *         "name": "Ada Lovelace",
                     *         "role": "customer",
                     *         "disabled": false,
                     *         "createdAt": "2026-11-24T10:00:00.000Z",
                     *         "updatedAt": "2026-11-24T10:00:00.000Z"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["UserResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    deleteUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The resource's UUID.
                 * @example 3f1c2a4e-6b7d-4e8f-9a0b-1c2d3e4f5a6b
                 */
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: components["responses"]["NoContent"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    updateUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The resource's UUID.
                 * @example 3f1c2a4e-6b7d-4e8f-9a0b-1c2d3e4f5a6b
                 */
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "disabled": true
                 *     }
                 */
                "application/json": components["schemas"]["AdminUpdateUserRequest"];
            };
        };
        responses: {
            /** @description The updated user. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "success",
                     *       "data": {
                     *         "id": "3f1c2a4e-6b7d-4e8f-9a0b-1c2d3e4f5a6b",
                     *         "email": "ada@example.com",
                     *         "name": "Ada Lovelace",
                     *         "role": "customer",
                     *         "disabled": false,
                     *         "createdAt": "2026-11-24T10:00:00.000Z",
                     *         "updatedAt": "2026-11-24T10:00:00.000Z"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["UserResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listProducts: {
        parameters: {
            query?: {
                /** @description Case-insensitive substring of the name or the SKU. */
                q?: string;
                /** @description Lowest `priceCents`, inclusive. Above `maxPrice` the range is empty: 200 with no products (`total` 0), not an error. */
                minPrice?: number;
                /** @description Highest `priceCents`, inclusive. Below `minPrice` the range is empty: 200 with no products (`total` 0), not an error. */
                maxPrice?: number;
                /** @description `true`: only products with stock; `false`: only those without. */
                inStock?: boolean;
                category?: components["schemas"]["Category"];
                sort?: "name" | "-name" | "priceCents" | "-priceCents" | "createdAt" | "-createdAt";
                /** @description 1-based page number (page mode). */
                page?: number;
                /** @description Items per page. */
                limit?: components["parameters"]["Limit"];
                /** @description Page mode: `true` counts every matching product, so `total` is exact (no `totalExact` in the answer) however many there are; slower on a large catalog. Default `false`: counting stops ten pages past the requested one. Cursor mode answers no total and ignores it. */
                exactTotal?: boolean;
                /** @description The `nextCursor` of the previous page (cursor mode). Opaque, base64url, at most 1,200 characters whatever the catalog holds (the longest follows a name of 200 four-byte characters and has 1,107). */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of products. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    Vary: components["headers"]["Vary"];
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProductList"];
                };
            };
            400: components["responses"]["ListBadRequest"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    createProduct: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "sku": "CHAIR-0001",
                 *       "name": "Ergonomic Steel Chair",
                 *       "description": "A chair that is kind to your back.",
                 *       "priceCents": 12999,
                 *       "currency": "EUR",
                 *       "stock": 42,
                 *       "category": "furniture"
                 *     }
                 */
                "application/json": components["schemas"]["CreateProductRequest"];
            };
        };
        responses: {
            /** @description Created. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    Location: components["headers"]["Location"];
                    ETag: components["headers"]["ETag"];
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "success",
                     *       "data": {
                     *         "id": "3f1c2a4e-6b7d-4e8f-9a0b-1c2d3e4f5a6b",
                     *         "sku": "CHAIR-0001",
                     *         "name": "Ergonomic Steel Chair",
                     *         "description": "A chair that is kind to your back.",
                     *         "priceCents": 12999,
                     *         "currency": "EUR",
                     *         "stock": 42,
                     *         "category": "furniture",
                     *         "createdAt": "2026-11-24T10:00:00.000Z",
                     *         "updatedAt": "2026-11-24T10:00:00.000Z"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ProductResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["SkuTaken"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getProduct: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description An ETag you hold; 304 without a body when it is still current.
                 * @example "v3"
                 */
                "If-None-Match"?: components["parameters"]["IfNoneMatch"];
            };
            path: {
                /**
                 * @description The resource's UUID.
                 * @example 3f1c2a4e-6b7d-4e8f-9a0b-1c2d3e4f5a6b
                 */
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The product. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    ETag: components["headers"]["ETag"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    Vary: components["headers"]["Vary"];
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "success",
                     *       "data": {
                     *         "id": "3f1c2a4e-6b7d-4e8f-9a0b-1c2d3e4f5a6b",
                     *         "sku": "CHAIR-0001",
                     *         "name": "Ergonomic Steel Chair",
                     *         "description": "A chair that is kind to your back.",
                     *         "priceCents": 12999,
                     *         "currency": "EUR",
                     *         "stock": 42,
                     *         "category": "furniture",
                     *         "createdAt": "2026-11-24T10:00:00.000Z",
                     *         "updatedAt": "2026-11-24T10:00:00.000Z"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ProductResponse"];
                };
            };
            304: components["responses"]["NotModified"];
            400: components["responses"]["BadRequest"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    deleteProduct: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The resource's UUID.
                 * @example 3f1c2a4e-6b7d-4e8f-9a0b-1c2d3e4f5a6b
                 */
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: components["responses"]["NoContent"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    updateProduct: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The ETag you read. When given, the change applies only if it is still current (412 otherwise). Optional: without it the last write wins (no 428), so simple clients keep working.
                 * @example "v3"
                 */
                "If-Match"?: components["parameters"]["IfMatch"];
            };
            path: {
                /**
                 * @description The resource's UUID.
                 * @example 3f1c2a4e-6b7d-4e8f-9a0b-1c2d3e4f5a6b
                 */
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "priceCents": 10999,
                 *       "stock": 40
                 *     }
                 */
                "application/json": components["schemas"]["UpdateProductRequest"];
            };
        };
        responses: {
            /** @description The updated product. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    ETag: components["headers"]["ETag"];
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "success",
                     *       "data": {
                     *         "id": "3f1c2a4e-6b7d-4e8f-9a0b-1c2d3e4f5a6b",
                     *         "sku": "CHAIR-0001",
                     *         "name": "Ergonomic Steel Chair",
                     *         "description": "A chair that is kind to your back.",
                     *         "priceCents": 12999,
                     *         "currency": "EUR",
                     *         "stock": 42,
                     *         "category": "furniture",
                     *         "createdAt": "2026-11-24T10:00:00.000Z",
                     *         "updatedAt": "2026-11-24T10:00:00.000Z"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ProductResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["SkuTaken"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listOrders: {
        parameters: {
            query?: {
                status?: components["schemas"]["OrderStatus"];
                /** @description Admins only. */
                userId?: string;
                /** @description 1-based page number. */
                page?: components["parameters"]["Page"];
                /** @description Items per page. */
                limit?: components["parameters"]["Limit"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of orders. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrderList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    createOrder: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description A unique value per intended order, e.g. a UUID made by the client.
                 * @example 7c9e6679-7425-40de-944b-e07fc1f90ae7
                 */
                "Idempotency-Key": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "items": [
                 *         {
                 *           "productId": "5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a",
                 *           "quantity": 2
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["CreateOrderRequest"];
            };
        };
        responses: {
            /** @description The order, placed (or replayed). */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    Location: components["headers"]["Location"];
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "success",
                     *       "data": {
                     *         "id": "9b2f6c1e-7a3d-4e5f-8a9b-0c1d2e3f4a5b",
                     *         "userId": "3f1c2a4e-6b7d-4e8f-9a0b-1c2d3e4f5a6b",
                     *         "status": "pending",
                     *         "currency": "EUR",
                     *         "totalCents": 25998,
                     *         "items": [
                     *           {
                     *             "productId": "5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a",
                     *             "sku": "CHAIR-0001",
                     *             "name": "Ergonomic Steel Chair",
                     *             "quantity": 2,
                     *             "unitPriceCents": 12999,
                     *             "lineTotalCents": 25998
                     *           }
                     *         ],
                     *         "createdAt": "2026-11-24T10:00:00.000Z",
                     *         "updatedAt": "2026-11-24T10:00:00.000Z"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["OrderResponse"];
                };
            };
            400: components["responses"]["CheckoutBadRequest"];
            401: components["responses"]["Unauthorized"];
            409: components["responses"]["InsufficientStock"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getOrder: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The resource's UUID.
                 * @example 3f1c2a4e-6b7d-4e8f-9a0b-1c2d3e4f5a6b
                 */
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The order. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "success",
                     *       "data": {
                     *         "id": "9b2f6c1e-7a3d-4e5f-8a9b-0c1d2e3f4a5b",
                     *         "userId": "3f1c2a4e-6b7d-4e8f-9a0b-1c2d3e4f5a6b",
                     *         "status": "pending",
                     *         "currency": "EUR",
                     *         "totalCents": 25998,
                     *         "items": [
                     *           {
                     *             "productId": "5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a",
                     *             "sku": "CHAIR-0001",
                     *             "name": "Ergonomic Steel Chair",
                     *             "quantity": 2,
                     *             "unitPriceCents": 12999,
                     *             "lineTotalCents": 25998
                     *           }
                     *         ],
                     *         "createdAt": "2026-11-24T10:00:00.000Z",
                     *         "updatedAt": "2026-11-24T10:00:00.000Z"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["OrderResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    cancelOrder: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The resource's UUID.
                 * @example 3f1c2a4e-6b7d-4e8f-9a0b-1c2d3e4f5a6b
                 */
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The cancelled order. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "success",
                     *       "data": {
                     *         "id": "9b2f6c1e-7a3d-4e5f-8a9b-0c1d2e3f4a5b",
                     *         "userId": "3f1c2a4e-6b7d-4e8f-9a0b-1c2d3e4f5a6b",
                     *         "status": "pending",
                     *         "currency": "EUR",
                     *         "totalCents": 25998,
                     *         "items": [
                     *           {
                     *             "productId": "5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a",
                     *             "sku": "CHAIR-0001",
                     *             "name": "Ergonomic Steel Chair",
                     *             "quantity": 2,
                     *             "unitPriceCents": 12999,
                     *             "lineTotalCents": 25998
                     *           }
                     *         ],
                     *         "createdAt": "2026-11-24T10:00:00.000Z",
                     *         "updatedAt": "2026-11-24T10:00:00.000Z"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["OrderResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["InvalidTransition"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    updateOrderStatus: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The resource's UUID.
                 * @example 3f1c2a4e-6b7d-4e8f-9a0b-1c2d3e4f5a6b
                 */
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "status": "paid"
                 *     }
                 */
                "application/json": components["schemas"]["UpdateOrderStatusRequest"];
            };
        };
        responses: {
            /** @description The order in its new state. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "success",
                     *       "data": {
                     *         "id": "9b2f6c1e-7a3d-4e5f-8a9b-0c1d2e3f4a5b",
                     *         "userId": "3f1c2a4e-6b7d-4e8f-9a0b-1c2d3e4f5a6b",
                     *         "status": "pending",
                     *         "currency": "EUR",
                     *         "totalCents": 25998,
                     *         "items": [
                     *           {
                     *             "productId": "5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a",
                     *             "sku": "CHAIR-0001",
                     *             "name": "Ergonomic Steel Chair",
                     *             "quantity": 2,
                     *             "unitPriceCents": 12999,
                     *             "lineTotalCents": 25998
                     *           }
                     *         ],
                     *         "createdAt": "2026-11-24T10:00:00.000Z",
                     *         "updatedAt": "2026-11-24T10:00:00.000Z"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["OrderResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["InvalidTransition"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The process is alive. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "success",
                     *       "data": {
                     *         "status": "ok",
                     *         "uptimeSeconds": 42.5
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Health"];
                };
            };
            400: components["responses"]["BadRequest"];
        };
    };
    getReadiness: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ready to serve. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "success",
                     *       "data": {
                     *         "status": "ready",
                     *         "checks": {
                     *           "database": "up"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Readiness"];
                };
            };
            400: components["responses"]["BadRequest"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getOpenApiJson: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The content codings the client accepts (RFC 9110, section 12.5.3), as browsers and HTTP clients send it. When it takes `gzip` over the identity (any q-value above 0), the document comes gzip-compressed with `Content-Encoding: gzip`, which the client's HTTP stack decodes; otherwise, or without the header, as it is. `Content-Encoding` is HTTP's own header, like `Content-Length`, so it is not listed among the response headers: a mock that answers from this contract sends the document as it is.
                 * @example gzip, deflate, br, zstd
                 */
                "Accept-Encoding"?: components["parameters"]["AcceptEncoding"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The OpenAPI document. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    Vary: components["headers"]["Vary"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "openapi": "3.1.0",
                     *       "info": {
                     *         "title": "Contract-first Monolith API",
                     *         "version": "0.1.0"
                     *       },
                     *       "paths": {}
                     *     }
                     */
                    "application/json": {
                        openapi: string;
                        info: {
                            [key: string]: unknown;
                        };
                        paths: {
                            [key: string]: unknown;
                        };
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
        };
    };
    getOpenApiYaml: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The content codings the client accepts (RFC 9110, section 12.5.3), as browsers and HTTP clients send it. When it takes `gzip` over the identity (any q-value above 0), the document comes gzip-compressed with `Content-Encoding: gzip`, which the client's HTTP stack decodes; otherwise, or without the header, as it is. `Content-Encoding` is HTTP's own header, like `Content-Length`, so it is not listed among the response headers: a mock that answers from this contract sends the document as it is.
                 * @example gzip, deflate, br, zstd
                 */
                "Accept-Encoding"?: components["parameters"]["AcceptEncoding"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The OpenAPI document. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    Vary: components["headers"]["Vary"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example openapi: 3.1.0
                     *     info:
                     *       title: Contract-first Monolith API
                     */
                    "application/yaml": string;
                };
            };
            400: components["responses"]["BadRequest"];
        };
    };
    getDocs: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The content codings the client accepts (RFC 9110, section 12.5.3), as browsers and HTTP clients send it. When it takes `gzip` over the identity (any q-value above 0), the document comes gzip-compressed with `Content-Encoding: gzip`, which the client's HTTP stack decodes; otherwise, or without the header, as it is. `Content-Encoding` is HTTP's own header, like `Content-Length`, so it is not listed among the response headers: a mock that answers from this contract sends the document as it is.
                 * @example gzip, deflate, br, zstd
                 */
                "Accept-Encoding"?: components["parameters"]["AcceptEncoding"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An HTML page. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    Vary: components["headers"]["Vary"];
                    "Content-Security-Policy": components["headers"]["ContentSecurityPolicy"];
                    [name: string]: unknown;
                };
                content: {
                    /** @example <!DOCTYPE html><html><head><title>API reference</title></head><body>…</body></html> */
                    "text/html": string;
                };
            };
            400: components["responses"]["BadRequest"];
        };
    };
    getMetrics: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The metrics. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example # HELP http_request_duration_seconds HTTP requests by method, route template of the contract, and status
                     *     # TYPE http_request_duration_seconds histogram
                     *     http_request_duration_seconds_bucket{le="0.005",method="GET",route="/api/v1/products",status="200"} 12
                     */
                    "text/plain": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
}
