// Generated from openapi/ by `npm run generate`. Do not edit.
// Every operation of the contract as the edge mounts it (src/middleware/operations.ts).

export const operations = {
  "register": {
    "method": "post",
    "path": "/api/v1/auth/register",
    "tag": "auth",
    "security": "public",
    "permission": null,
    "rateLimits": [
      "api-ip",
      "auth-ip"
    ],
    "statuses": [
      201,
      400,
      409,
      413,
      415,
      429
    ],
    "headers": [
      "Sec-Fetch-Site"
    ],
    "cookies": [],
    "queryDefaults": {},
    "contentTypes": {
      "201": "application/json",
      "400": "application/json",
      "409": "application/json",
      "413": "application/json",
      "415": "application/json",
      "429": "application/json"
    },
    "errorCodes": {
      "400": [
        "INVALID_JSON",
        "VALIDATION_ERROR",
        "WEAK_PASSWORD"
      ],
      "409": [
        "EMAIL_TAKEN"
      ],
      "413": [
        "PAYLOAD_TOO_LARGE"
      ],
      "415": [
        "UNSUPPORTED_MEDIA_TYPE"
      ],
      "429": [
        "RATE_LIMITED"
      ]
    },
    "deprecation": null
  },
  "login": {
    "method": "post",
    "path": "/api/v1/auth/login",
    "tag": "auth",
    "security": "public",
    "permission": null,
    "rateLimits": [
      "api-ip",
      "auth-ip"
    ],
    "statuses": [
      200,
      400,
      401,
      403,
      413,
      415,
      429
    ],
    "headers": [
      "Sec-Fetch-Site"
    ],
    "cookies": [],
    "queryDefaults": {},
    "contentTypes": {
      "200": "application/json",
      "400": "application/json",
      "401": "application/json",
      "403": "application/json",
      "413": "application/json",
      "415": "application/json",
      "429": "application/json"
    },
    "errorCodes": {
      "400": [
        "INVALID_JSON",
        "VALIDATION_ERROR"
      ],
      "401": [
        "INVALID_CREDENTIALS"
      ],
      "403": [
        "ACCOUNT_DISABLED"
      ],
      "413": [
        "PAYLOAD_TOO_LARGE"
      ],
      "415": [
        "UNSUPPORTED_MEDIA_TYPE"
      ],
      "429": [
        "RATE_LIMITED"
      ]
    },
    "deprecation": null
  },
  "refresh": {
    "method": "post",
    "path": "/api/v1/auth/refresh",
    "tag": "auth",
    "security": "public",
    "permission": null,
    "rateLimits": [
      "api-ip",
      "auth-ip"
    ],
    "statuses": [
      200,
      400,
      401,
      409,
      413,
      415,
      429
    ],
    "headers": [
      "Sec-Fetch-Site"
    ],
    "cookies": [
      "refresh_token"
    ],
    "queryDefaults": {},
    "contentTypes": {
      "200": "application/json",
      "400": "application/json",
      "401": "application/json",
      "409": "application/json",
      "413": "application/json",
      "415": "application/json",
      "429": "application/json"
    },
    "errorCodes": {
      "400": [
        "INVALID_JSON",
        "VALIDATION_ERROR"
      ],
      "401": [
        "UNAUTHENTICATED"
      ],
      "409": [
        "REFRESH_CONFLICT"
      ],
      "413": [
        "PAYLOAD_TOO_LARGE"
      ],
      "415": [
        "UNSUPPORTED_MEDIA_TYPE"
      ],
      "429": [
        "RATE_LIMITED"
      ]
    },
    "deprecation": null
  },
  "logout": {
    "method": "post",
    "path": "/api/v1/auth/logout",
    "tag": "auth",
    "security": "bearer",
    "permission": "sessions:manage",
    "rateLimits": [
      "api-ip",
      "auth-ip",
      "user"
    ],
    "statuses": [
      204,
      400,
      401,
      429
    ],
    "headers": [],
    "cookies": [],
    "queryDefaults": {},
    "contentTypes": {
      "400": "application/json",
      "401": "application/json",
      "429": "application/json"
    },
    "errorCodes": {
      "400": [
        "INVALID_JSON",
        "VALIDATION_ERROR"
      ],
      "401": [
        "TOKEN_EXPIRED",
        "UNAUTHENTICATED"
      ],
      "429": [
        "RATE_LIMITED"
      ]
    },
    "deprecation": null
  },
  "logoutAll": {
    "method": "post",
    "path": "/api/v1/auth/logout-all",
    "tag": "auth",
    "security": "bearer",
    "permission": "sessions:manage",
    "rateLimits": [
      "api-ip",
      "auth-ip",
      "user"
    ],
    "statuses": [
      204,
      400,
      401,
      429
    ],
    "headers": [],
    "cookies": [],
    "queryDefaults": {},
    "contentTypes": {
      "400": "application/json",
      "401": "application/json",
      "429": "application/json"
    },
    "errorCodes": {
      "400": [
        "INVALID_JSON",
        "VALIDATION_ERROR"
      ],
      "401": [
        "TOKEN_EXPIRED",
        "UNAUTHENTICATED"
      ],
      "429": [
        "RATE_LIMITED"
      ]
    },
    "deprecation": null
  },
  "listSessions": {
    "method": "get",
    "path": "/api/v1/auth/sessions",
    "tag": "auth",
    "security": "bearer",
    "permission": "sessions:manage",
    "rateLimits": [
      "api-ip",
      "auth-ip",
      "user"
    ],
    "statuses": [
      200,
      400,
      401,
      429
    ],
    "headers": [],
    "cookies": [],
    "queryDefaults": {},
    "contentTypes": {
      "200": "application/json",
      "400": "application/json",
      "401": "application/json",
      "429": "application/json"
    },
    "errorCodes": {
      "400": [
        "INVALID_JSON",
        "VALIDATION_ERROR"
      ],
      "401": [
        "TOKEN_EXPIRED",
        "UNAUTHENTICATED"
      ],
      "429": [
        "RATE_LIMITED"
      ]
    },
    "deprecation": null
  },
  "revokeSession": {
    "method": "delete",
    "path": "/api/v1/auth/sessions/{id}",
    "tag": "auth",
    "security": "bearer",
    "permission": "sessions:manage",
    "rateLimits": [
      "api-ip",
      "auth-ip",
      "user"
    ],
    "statuses": [
      204,
      400,
      401,
      404,
      429
    ],
    "headers": [],
    "cookies": [],
    "queryDefaults": {},
    "contentTypes": {
      "400": "application/json",
      "401": "application/json",
      "404": "application/json",
      "429": "application/json"
    },
    "errorCodes": {
      "400": [
        "INVALID_JSON",
        "VALIDATION_ERROR"
      ],
      "401": [
        "TOKEN_EXPIRED",
        "UNAUTHENTICATED"
      ],
      "404": [
        "NOT_FOUND"
      ],
      "429": [
        "RATE_LIMITED"
      ]
    },
    "deprecation": null
  },
  "changePassword": {
    "method": "post",
    "path": "/api/v1/auth/password",
    "tag": "auth",
    "security": "bearer",
    "permission": "sessions:manage",
    "rateLimits": [
      "api-ip",
      "auth-ip",
      "user"
    ],
    "statuses": [
      204,
      400,
      401,
      413,
      415,
      429
    ],
    "headers": [],
    "cookies": [],
    "queryDefaults": {},
    "contentTypes": {
      "400": "application/json",
      "401": "application/json",
      "413": "application/json",
      "415": "application/json",
      "429": "application/json"
    },
    "errorCodes": {
      "400": [
        "INVALID_JSON",
        "VALIDATION_ERROR",
        "WEAK_PASSWORD"
      ],
      "401": [
        "INVALID_CREDENTIALS",
        "TOKEN_EXPIRED",
        "UNAUTHENTICATED"
      ],
      "413": [
        "PAYLOAD_TOO_LARGE"
      ],
      "415": [
        "UNSUPPORTED_MEDIA_TYPE"
      ],
      "429": [
        "RATE_LIMITED"
      ]
    },
    "deprecation": null
  },
  "requestPasswordReset": {
    "method": "post",
    "path": "/api/v1/auth/password-reset/request",
    "tag": "auth",
    "security": "public",
    "permission": null,
    "rateLimits": [
      "api-ip",
      "auth-ip"
    ],
    "statuses": [
      202,
      400,
      413,
      415,
      429
    ],
    "headers": [],
    "cookies": [],
    "queryDefaults": {},
    "contentTypes": {
      "400": "application/json",
      "413": "application/json",
      "415": "application/json",
      "429": "application/json"
    },
    "errorCodes": {
      "400": [
        "INVALID_JSON",
        "VALIDATION_ERROR"
      ],
      "413": [
        "PAYLOAD_TOO_LARGE"
      ],
      "415": [
        "UNSUPPORTED_MEDIA_TYPE"
      ],
      "429": [
        "RATE_LIMITED"
      ]
    },
    "deprecation": null
  },
  "confirmPasswordReset": {
    "method": "post",
    "path": "/api/v1/auth/password-reset/confirm",
    "tag": "auth",
    "security": "public",
    "permission": null,
    "rateLimits": [
      "api-ip",
      "auth-ip"
    ],
    "statuses": [
      204,
      400,
      413,
      415,
      429
    ],
    "headers": [],
    "cookies": [],
    "queryDefaults": {},
    "contentTypes": {
      "400": "application/json",
      "413": "application/json",
      "415": "application/json",
      "429": "application/json"
    },
    "errorCodes": {
      "400": [
        "INVALID_JSON",
        "INVALID_RESET_TOKEN",
        "VALIDATION_ERROR",
        "WEAK_PASSWORD"
      ],
      "413": [
        "PAYLOAD_TOO_LARGE"
      ],
      "415": [
        "UNSUPPORTED_MEDIA_TYPE"
      ],
      "429": [
        "RATE_LIMITED"
      ]
    },
    "deprecation": null
  },
  "getMe": {
    "method": "get",
    "path": "/api/v1/users/me",
    "tag": "users",
    "security": "bearer",
    "permission": "profile:read",
    "rateLimits": [
      "api-ip",
      "user"
    ],
    "statuses": [
      200,
      400,
      401,
      429
    ],
    "headers": [],
    "cookies": [],
    "queryDefaults": {},
    "contentTypes": {
      "200": "application/json",
      "400": "application/json",
      "401": "application/json",
      "429": "application/json"
    },
    "errorCodes": {
      "400": [
        "INVALID_JSON",
        "VALIDATION_ERROR"
      ],
      "401": [
        "TOKEN_EXPIRED",
        "UNAUTHENTICATED"
      ],
      "429": [
        "RATE_LIMITED"
      ]
    },
    "deprecation": null
  },
  "updateMe": {
    "method": "patch",
    "path": "/api/v1/users/me",
    "tag": "users",
    "security": "bearer",
    "permission": "profile:update",
    "rateLimits": [
      "api-ip",
      "user"
    ],
    "statuses": [
      200,
      400,
      401,
      409,
      413,
      415,
      429
    ],
    "headers": [],
    "cookies": [],
    "queryDefaults": {},
    "contentTypes": {
      "200": "application/json",
      "400": "application/json",
      "401": "application/json",
      "409": "application/json",
      "413": "application/json",
      "415": "application/json",
      "429": "application/json"
    },
    "errorCodes": {
      "400": [
        "CURRENT_PASSWORD_REQUIRED",
        "INVALID_JSON",
        "VALIDATION_ERROR"
      ],
      "401": [
        "INVALID_CREDENTIALS",
        "TOKEN_EXPIRED",
        "UNAUTHENTICATED"
      ],
      "409": [
        "EMAIL_TAKEN"
      ],
      "413": [
        "PAYLOAD_TOO_LARGE"
      ],
      "415": [
        "UNSUPPORTED_MEDIA_TYPE"
      ],
      "429": [
        "RATE_LIMITED"
      ]
    },
    "deprecation": null
  },
  "listUsers": {
    "method": "get",
    "path": "/api/v1/users",
    "tag": "users",
    "security": "bearer",
    "permission": "users:read",
    "rateLimits": [
      "api-ip",
      "user"
    ],
    "statuses": [
      200,
      400,
      401,
      403,
      429
    ],
    "headers": [],
    "cookies": [],
    "queryDefaults": {
      "page": 1,
      "limit": 20
    },
    "contentTypes": {
      "200": "application/json",
      "400": "application/json",
      "401": "application/json",
      "403": "application/json",
      "429": "application/json"
    },
    "errorCodes": {
      "400": [
        "INVALID_JSON",
        "VALIDATION_ERROR"
      ],
      "401": [
        "TOKEN_EXPIRED",
        "UNAUTHENTICATED"
      ],
      "403": [
        "FORBIDDEN"
      ],
      "429": [
        "RATE_LIMITED"
      ]
    },
    "deprecation": null
  },
  "getUser": {
    "method": "get",
    "path": "/api/v1/users/{id}",
    "tag": "users",
    "security": "bearer",
    "permission": "users:read",
    "rateLimits": [
      "api-ip",
      "user"
    ],
    "statuses": [
      200,
      400,
      401,
      403,
      404,
      429
    ],
    "headers": [],
    "cookies": [],
    "queryDefaults": {},
    "contentTypes": {
      "200": "application/json",
      "400": "application/json",
      "401": "application/json",
      "403": "application/json",
      "404": "application/json",
      "429": "application/json"
    },
    "errorCodes": {
      "400": [
        "INVALID_JSON",
        "VALIDATION_ERROR"
      ],
      "401": [
        "TOKEN_EXPIRED",
        "UNAUTHENTICATED"
      ],
      "403": [
        "FORBIDDEN"
      ],
      "404": [
        "NOT_FOUND"
      ],
      "429": [
        "RATE_LIMITED"
      ]
    },
    "deprecation": null
  },
  "updateUser": {
    "method": "patch",
    "path": "/api/v1/users/{id}",
    "tag": "users",
    "security": "bearer",
    "permission": "users:manage",
    "rateLimits": [
      "api-ip",
      "user"
    ],
    "statuses": [
      200,
      400,
      401,
      403,
      404,
      409,
      413,
      415,
      429
    ],
    "headers": [],
    "cookies": [],
    "queryDefaults": {},
    "contentTypes": {
      "200": "application/json",
      "400": "application/json",
      "401": "application/json",
      "403": "application/json",
      "404": "application/json",
      "409": "application/json",
      "413": "application/json",
      "415": "application/json",
      "429": "application/json"
    },
    "errorCodes": {
      "400": [
        "INVALID_JSON",
        "VALIDATION_ERROR"
      ],
      "401": [
        "TOKEN_EXPIRED",
        "UNAUTHENTICATED"
      ],
      "403": [
        "FORBIDDEN"
      ],
      "404": [
        "NOT_FOUND"
      ],
      "409": [
        "CONFLICT"
      ],
      "413": [
        "PAYLOAD_TOO_LARGE"
      ],
      "415": [
        "UNSUPPORTED_MEDIA_TYPE"
      ],
      "429": [
        "RATE_LIMITED"
      ]
    },
    "deprecation": null
  },
  "deleteUser": {
    "method": "delete",
    "path": "/api/v1/users/{id}",
    "tag": "users",
    "security": "bearer",
    "permission": "users:manage",
    "rateLimits": [
      "api-ip",
      "user"
    ],
    "statuses": [
      204,
      400,
      401,
      403,
      404,
      409,
      429
    ],
    "headers": [],
    "cookies": [],
    "queryDefaults": {},
    "contentTypes": {
      "400": "application/json",
      "401": "application/json",
      "403": "application/json",
      "404": "application/json",
      "409": "application/json",
      "429": "application/json"
    },
    "errorCodes": {
      "400": [
        "INVALID_JSON",
        "VALIDATION_ERROR"
      ],
      "401": [
        "TOKEN_EXPIRED",
        "UNAUTHENTICATED"
      ],
      "403": [
        "FORBIDDEN"
      ],
      "404": [
        "NOT_FOUND"
      ],
      "409": [
        "CONFLICT"
      ],
      "429": [
        "RATE_LIMITED"
      ]
    },
    "deprecation": null
  },
  "listProducts": {
    "method": "get",
    "path": "/api/v1/products",
    "tag": "products",
    "security": "public",
    "permission": null,
    "rateLimits": [
      "api-ip"
    ],
    "statuses": [
      200,
      400,
      429
    ],
    "headers": [],
    "cookies": [],
    "queryDefaults": {
      "sort": "-createdAt",
      "limit": 20,
      "exactTotal": false
    },
    "contentTypes": {
      "200": "application/json",
      "400": "application/json",
      "429": "application/json"
    },
    "errorCodes": {
      "400": [
        "INVALID_CURSOR",
        "VALIDATION_ERROR"
      ],
      "429": [
        "RATE_LIMITED"
      ]
    },
    "deprecation": null
  },
  "createProduct": {
    "method": "post",
    "path": "/api/v1/products",
    "tag": "products",
    "security": "bearer",
    "permission": "products:manage",
    "rateLimits": [
      "api-ip",
      "user"
    ],
    "statuses": [
      201,
      400,
      401,
      403,
      409,
      413,
      415,
      429
    ],
    "headers": [],
    "cookies": [],
    "queryDefaults": {},
    "contentTypes": {
      "201": "application/json",
      "400": "application/json",
      "401": "application/json",
      "403": "application/json",
      "409": "application/json",
      "413": "application/json",
      "415": "application/json",
      "429": "application/json"
    },
    "errorCodes": {
      "400": [
        "INVALID_JSON",
        "VALIDATION_ERROR"
      ],
      "401": [
        "TOKEN_EXPIRED",
        "UNAUTHENTICATED"
      ],
      "403": [
        "FORBIDDEN"
      ],
      "409": [
        "SKU_TAKEN"
      ],
      "413": [
        "PAYLOAD_TOO_LARGE"
      ],
      "415": [
        "UNSUPPORTED_MEDIA_TYPE"
      ],
      "429": [
        "RATE_LIMITED"
      ]
    },
    "deprecation": null
  },
  "getProduct": {
    "method": "get",
    "path": "/api/v1/products/{id}",
    "tag": "products",
    "security": "public",
    "permission": null,
    "rateLimits": [
      "api-ip"
    ],
    "statuses": [
      200,
      304,
      400,
      404,
      429
    ],
    "headers": [
      "If-None-Match"
    ],
    "cookies": [],
    "queryDefaults": {},
    "contentTypes": {
      "200": "application/json",
      "400": "application/json",
      "404": "application/json",
      "429": "application/json"
    },
    "errorCodes": {
      "400": [
        "INVALID_JSON",
        "VALIDATION_ERROR"
      ],
      "404": [
        "NOT_FOUND"
      ],
      "429": [
        "RATE_LIMITED"
      ]
    },
    "deprecation": null
  },
  "updateProduct": {
    "method": "patch",
    "path": "/api/v1/products/{id}",
    "tag": "products",
    "security": "bearer",
    "permission": "products:manage",
    "rateLimits": [
      "api-ip",
      "user"
    ],
    "statuses": [
      200,
      400,
      401,
      403,
      404,
      409,
      412,
      413,
      415,
      429
    ],
    "headers": [
      "If-Match"
    ],
    "cookies": [],
    "queryDefaults": {},
    "contentTypes": {
      "200": "application/json",
      "400": "application/json",
      "401": "application/json",
      "403": "application/json",
      "404": "application/json",
      "409": "application/json",
      "412": "application/json",
      "413": "application/json",
      "415": "application/json",
      "429": "application/json"
    },
    "errorCodes": {
      "400": [
        "INVALID_JSON",
        "VALIDATION_ERROR"
      ],
      "401": [
        "TOKEN_EXPIRED",
        "UNAUTHENTICATED"
      ],
      "403": [
        "FORBIDDEN"
      ],
      "404": [
        "NOT_FOUND"
      ],
      "409": [
        "SKU_TAKEN"
      ],
      "412": [
        "PRECONDITION_FAILED"
      ],
      "413": [
        "PAYLOAD_TOO_LARGE"
      ],
      "415": [
        "UNSUPPORTED_MEDIA_TYPE"
      ],
      "429": [
        "RATE_LIMITED"
      ]
    },
    "deprecation": null
  },
  "deleteProduct": {
    "method": "delete",
    "path": "/api/v1/products/{id}",
    "tag": "products",
    "security": "bearer",
    "permission": "products:manage",
    "rateLimits": [
      "api-ip",
      "user"
    ],
    "statuses": [
      204,
      400,
      401,
      403,
      404,
      429
    ],
    "headers": [],
    "cookies": [],
    "queryDefaults": {},
    "contentTypes": {
      "400": "application/json",
      "401": "application/json",
      "403": "application/json",
      "404": "application/json",
      "429": "application/json"
    },
    "errorCodes": {
      "400": [
        "INVALID_JSON",
        "VALIDATION_ERROR"
      ],
      "401": [
        "TOKEN_EXPIRED",
        "UNAUTHENTICATED"
      ],
      "403": [
        "FORBIDDEN"
      ],
      "404": [
        "NOT_FOUND"
      ],
      "429": [
        "RATE_LIMITED"
      ]
    },
    "deprecation": null
  },
  "listOrders": {
    "method": "get",
    "path": "/api/v1/orders",
    "tag": "orders",
    "security": "bearer",
    "permission": "orders:read",
    "rateLimits": [
      "api-ip",
      "user"
    ],
    "statuses": [
      200,
      400,
      401,
      403,
      429
    ],
    "headers": [],
    "cookies": [],
    "queryDefaults": {
      "page": 1,
      "limit": 20
    },
    "contentTypes": {
      "200": "application/json",
      "400": "application/json",
      "401": "application/json",
      "403": "application/json",
      "429": "application/json"
    },
    "errorCodes": {
      "400": [
        "INVALID_JSON",
        "VALIDATION_ERROR"
      ],
      "401": [
        "TOKEN_EXPIRED",
        "UNAUTHENTICATED"
      ],
      "403": [
        "FORBIDDEN"
      ],
      "429": [
        "RATE_LIMITED"
      ]
    },
    "deprecation": null
  },
  "createOrder": {
    "method": "post",
    "path": "/api/v1/orders",
    "tag": "orders",
    "security": "bearer",
    "permission": "orders:place",
    "rateLimits": [
      "api-ip",
      "user",
      "checkout"
    ],
    "statuses": [
      201,
      400,
      401,
      409,
      413,
      415,
      422,
      429
    ],
    "headers": [
      "Idempotency-Key"
    ],
    "cookies": [],
    "queryDefaults": {},
    "contentTypes": {
      "201": "application/json",
      "400": "application/json",
      "401": "application/json",
      "409": "application/json",
      "413": "application/json",
      "415": "application/json",
      "422": "application/json",
      "429": "application/json"
    },
    "errorCodes": {
      "400": [
        "DUPLICATE_PRODUCT",
        "INVALID_JSON",
        "MIXED_CURRENCIES",
        "UNKNOWN_PRODUCT",
        "VALIDATION_ERROR"
      ],
      "401": [
        "TOKEN_EXPIRED",
        "UNAUTHENTICATED"
      ],
      "409": [
        "INSUFFICIENT_STOCK"
      ],
      "413": [
        "PAYLOAD_TOO_LARGE"
      ],
      "415": [
        "UNSUPPORTED_MEDIA_TYPE"
      ],
      "422": [
        "IDEMPOTENCY_KEY_REUSED"
      ],
      "429": [
        "RATE_LIMITED"
      ]
    },
    "deprecation": null
  },
  "getOrder": {
    "method": "get",
    "path": "/api/v1/orders/{id}",
    "tag": "orders",
    "security": "bearer",
    "permission": "orders:read",
    "rateLimits": [
      "api-ip",
      "user"
    ],
    "statuses": [
      200,
      400,
      401,
      404,
      429
    ],
    "headers": [],
    "cookies": [],
    "queryDefaults": {},
    "contentTypes": {
      "200": "application/json",
      "400": "application/json",
      "401": "application/json",
      "404": "application/json",
      "429": "application/json"
    },
    "errorCodes": {
      "400": [
        "INVALID_JSON",
        "VALIDATION_ERROR"
      ],
      "401": [
        "TOKEN_EXPIRED",
        "UNAUTHENTICATED"
      ],
      "404": [
        "NOT_FOUND"
      ],
      "429": [
        "RATE_LIMITED"
      ]
    },
    "deprecation": null
  },
  "cancelOrder": {
    "method": "post",
    "path": "/api/v1/orders/{id}/cancel",
    "tag": "orders",
    "security": "bearer",
    "permission": "orders:cancel",
    "rateLimits": [
      "api-ip",
      "user"
    ],
    "statuses": [
      200,
      400,
      401,
      404,
      409,
      429
    ],
    "headers": [],
    "cookies": [],
    "queryDefaults": {},
    "contentTypes": {
      "200": "application/json",
      "400": "application/json",
      "401": "application/json",
      "404": "application/json",
      "409": "application/json",
      "429": "application/json"
    },
    "errorCodes": {
      "400": [
        "INVALID_JSON",
        "VALIDATION_ERROR"
      ],
      "401": [
        "TOKEN_EXPIRED",
        "UNAUTHENTICATED"
      ],
      "404": [
        "NOT_FOUND"
      ],
      "409": [
        "INVALID_TRANSITION"
      ],
      "429": [
        "RATE_LIMITED"
      ]
    },
    "deprecation": null
  },
  "updateOrderStatus": {
    "method": "patch",
    "path": "/api/v1/orders/{id}/status",
    "tag": "orders",
    "security": "bearer",
    "permission": "orders:manage",
    "rateLimits": [
      "api-ip",
      "user"
    ],
    "statuses": [
      200,
      400,
      401,
      403,
      404,
      409,
      413,
      415,
      429
    ],
    "headers": [],
    "cookies": [],
    "queryDefaults": {},
    "contentTypes": {
      "200": "application/json",
      "400": "application/json",
      "401": "application/json",
      "403": "application/json",
      "404": "application/json",
      "409": "application/json",
      "413": "application/json",
      "415": "application/json",
      "429": "application/json"
    },
    "errorCodes": {
      "400": [
        "INVALID_JSON",
        "VALIDATION_ERROR"
      ],
      "401": [
        "TOKEN_EXPIRED",
        "UNAUTHENTICATED"
      ],
      "403": [
        "FORBIDDEN"
      ],
      "404": [
        "NOT_FOUND"
      ],
      "409": [
        "INVALID_TRANSITION"
      ],
      "413": [
        "PAYLOAD_TOO_LARGE"
      ],
      "415": [
        "UNSUPPORTED_MEDIA_TYPE"
      ],
      "429": [
        "RATE_LIMITED"
      ]
    },
    "deprecation": null
  },
  "getHealth": {
    "method": "get",
    "path": "/health",
    "tag": "system",
    "security": "public",
    "permission": null,
    "rateLimits": [],
    "statuses": [
      200,
      400
    ],
    "headers": [],
    "cookies": [],
    "queryDefaults": {},
    "contentTypes": {
      "200": "application/json",
      "400": "application/json"
    },
    "errorCodes": {
      "400": [
        "INVALID_JSON",
        "VALIDATION_ERROR"
      ]
    },
    "deprecation": null
  },
  "getReadiness": {
    "method": "get",
    "path": "/ready",
    "tag": "system",
    "security": "public",
    "permission": null,
    "rateLimits": [],
    "statuses": [
      200,
      400,
      503
    ],
    "headers": [],
    "cookies": [],
    "queryDefaults": {},
    "contentTypes": {
      "200": "application/json",
      "400": "application/json",
      "503": "application/json"
    },
    "errorCodes": {
      "400": [
        "INVALID_JSON",
        "VALIDATION_ERROR"
      ],
      "503": [
        "SERVICE_UNAVAILABLE"
      ]
    },
    "deprecation": null
  },
  "getOpenApiJson": {
    "method": "get",
    "path": "/openapi.json",
    "tag": "system",
    "security": "public",
    "permission": null,
    "rateLimits": [],
    "statuses": [
      200,
      400
    ],
    "headers": [
      "Accept-Encoding"
    ],
    "cookies": [],
    "queryDefaults": {},
    "contentTypes": {
      "200": "application/json",
      "400": "application/json"
    },
    "errorCodes": {
      "400": [
        "INVALID_JSON",
        "VALIDATION_ERROR"
      ]
    },
    "deprecation": null
  },
  "getOpenApiYaml": {
    "method": "get",
    "path": "/openapi.yaml",
    "tag": "system",
    "security": "public",
    "permission": null,
    "rateLimits": [],
    "statuses": [
      200,
      400
    ],
    "headers": [
      "Accept-Encoding"
    ],
    "cookies": [],
    "queryDefaults": {},
    "contentTypes": {
      "200": "application/yaml",
      "400": "application/json"
    },
    "errorCodes": {
      "400": [
        "INVALID_JSON",
        "VALIDATION_ERROR"
      ]
    },
    "deprecation": null
  },
  "getDocs": {
    "method": "get",
    "path": "/docs",
    "tag": "system",
    "security": "public",
    "permission": null,
    "rateLimits": [],
    "statuses": [
      200,
      400
    ],
    "headers": [
      "Accept-Encoding"
    ],
    "cookies": [],
    "queryDefaults": {},
    "contentTypes": {
      "200": "text/html",
      "400": "application/json"
    },
    "errorCodes": {
      "400": [
        "INVALID_JSON",
        "VALIDATION_ERROR"
      ]
    },
    "deprecation": null
  },
  "getMetrics": {
    "method": "get",
    "path": "/metrics",
    "tag": "system",
    "security": "public",
    "permission": null,
    "rateLimits": [],
    "statuses": [
      200,
      400,
      401,
      404
    ],
    "headers": [],
    "cookies": [],
    "queryDefaults": {},
    "contentTypes": {
      "200": "text/plain",
      "400": "application/json",
      "401": "application/json",
      "404": "application/json"
    },
    "errorCodes": {
      "400": [
        "INVALID_JSON",
        "VALIDATION_ERROR"
      ],
      "401": [
        "TOKEN_EXPIRED",
        "UNAUTHENTICATED"
      ],
      "404": [
        "NOT_FOUND"
      ]
    },
    "deprecation": null
  }
} as const;

export type OperationId = keyof typeof operations;

/** The named enums of the contract (components.schemas), as runtime values. */
export const enums = {
  "Role": [
    "customer",
    "admin"
  ],
  "OrderStatus": [
    "pending",
    "paid",
    "shipped",
    "delivered",
    "cancelled"
  ]
} as const;

/** The codes of the reusable error responses (components.responses), by status. */
export const sharedErrorCodes = {
  "400": [
    "CURRENT_PASSWORD_REQUIRED",
    "DUPLICATE_PRODUCT",
    "INVALID_CURSOR",
    "INVALID_JSON",
    "INVALID_RESET_TOKEN",
    "MIXED_CURRENCIES",
    "UNKNOWN_PRODUCT",
    "VALIDATION_ERROR",
    "WEAK_PASSWORD"
  ],
  "401": [
    "INVALID_CREDENTIALS",
    "TOKEN_EXPIRED",
    "UNAUTHENTICATED"
  ],
  "403": [
    "ACCOUNT_DISABLED",
    "FORBIDDEN"
  ],
  "404": [
    "NOT_FOUND"
  ],
  "405": [
    "METHOD_NOT_ALLOWED"
  ],
  "409": [
    "CONFLICT",
    "EMAIL_TAKEN",
    "INSUFFICIENT_STOCK",
    "INVALID_TRANSITION",
    "REFRESH_CONFLICT",
    "SKU_TAKEN"
  ],
  "412": [
    "PRECONDITION_FAILED"
  ],
  "413": [
    "PAYLOAD_TOO_LARGE"
  ],
  "415": [
    "UNSUPPORTED_MEDIA_TYPE"
  ],
  "422": [
    "IDEMPOTENCY_KEY_REUSED"
  ],
  "429": [
    "RATE_LIMITED"
  ],
  "500": [
    "INTERNAL"
  ],
  "503": [
    "SERVICE_UNAVAILABLE"
  ]
} as const;

/** Statuses any operation may answer without listing them (x-any-operation: 500, 503). */
export const anyOperationStatuses = [500,503] as const;

/** components.headers.XRequestId: what a caller-supplied X-Request-Id must match. */
export const requestIdPattern = "^[A-Za-z0-9._:-]{1,128}$";
