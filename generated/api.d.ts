// Generated from openapi/ by `npm run generate`. Do not edit.

export interface paths {
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
         * @description The Redoc reference page for this contract, built offline by `npm run generate` (`redocly build-docs --inlineBundle`): it loads nothing from a CDN.
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
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
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
        /** @description Too many requests; try again later. */
        TooManyRequests: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                "Retry-After": components["headers"]["RetryAfter"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "status": "error",
                 *       "code": "RATE_LIMITED",
                 *       "message": "Too many requests; try again later.",
                 *       "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
                 *     }
                 */
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /** @description The service cannot answer right now; try again shortly. */
        ServiceUnavailable: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                "Retry-After": components["headers"]["RetryAfter"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "status": "error",
                 *       "code": "SERVICE_UNAVAILABLE",
                 *       "message": "The service cannot answer right now; try again shortly.",
                 *       "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
                 *     }
                 */
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
    };
    parameters: never;
    requestBodies: never;
    headers: {
        /**
         * @description The id of this request: the caller's own `X-Request-Id` when it was a sane id, otherwise a generated UUID. It appears in every log line the request produced.
         * @example 0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d
         */
        XRequestId: string;
        /**
         * @description Seconds to wait before trying again.
         * @example 30
         */
        RetryAfter: number;
    };
    pathItems: never;
}
export type SchemaHealth = components['schemas']['Health'];
export type SchemaErrorDetail = components['schemas']['ErrorDetail'];
export type SchemaErrorEnvelope = components['schemas']['ErrorEnvelope'];
export type SchemaReadiness = components['schemas']['Readiness'];
export type ResponseTooManyRequests = components['responses']['TooManyRequests'];
export type ResponseServiceUnavailable = components['responses']['ServiceUnavailable'];
export type HeaderXRequestId = components['headers']['XRequestId'];
export type HeaderRetryAfter = components['headers']['RetryAfter'];
export type $defs = Record<string, never>;
export interface operations {
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
            429: components["responses"]["TooManyRequests"];
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
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getOpenApiJson: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The OpenAPI document. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
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
                        info: Record<string, never>;
                        paths: Record<string, never>;
                    };
                };
            };
            429: components["responses"]["TooManyRequests"];
        };
    };
    getOpenApiYaml: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The OpenAPI document. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
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
            429: components["responses"]["TooManyRequests"];
        };
    };
    getDocs: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An HTML page. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /** @example <!DOCTYPE html><html><head><title>API reference</title></head><body>…</body></html> */
                    "text/html": string;
                };
            };
            429: components["responses"]["TooManyRequests"];
        };
    };
}
