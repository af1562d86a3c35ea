// Generated from openapi/ by `npm run generate`. Do not edit.
// The contract's response examples per operation and status, by name (`default` for a single
// `example`): what the Prism mock and the SDK's MSW handlers answer.

export const examples = {
  "register": {
    "201": {
      "contentType": "application/json",
      "examples": {
        "default": {
          "status": "success",
          "data": {
            "user": {
              "id": "3f1c2a4e-6b7d-4e8f-9a0b-1c2d3e4f5a6b",
              "email": "ada@example.com",
              "name": "Ada Lovelace",
              "role": "customer",
              "disabled": false,
              "createdAt": "2026-11-24T10:00:00.000Z",
              "updatedAt": "2026-11-24T10:00:00.000Z"
            },
            "accessToken": "eyJhbGciOiJIUzI1NiIsInR5cCI6ImF0K2p3dCJ9.eyJzdWIiOiIzZjFjIn0.sig",
            "expiresIn": 900,
            "refreshToken": "q3J6mC8c0hD2n4oZpR5tU7vW9xY1zA3bC5dE7fG9hJ0"
          }
        }
      }
    },
    "400": {
      "contentType": "application/json",
      "examples": {
        "VALIDATION_ERROR": {
          "status": "error",
          "code": "VALIDATION_ERROR",
          "message": "The request is not valid.",
          "details": [
            {
              "path": "/body/email",
              "message": "must match format \"email\""
            }
          ],
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        },
        "INVALID_JSON": {
          "status": "error",
          "code": "INVALID_JSON",
          "message": "The request body is not valid JSON.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        },
        "WEAK_PASSWORD": {
          "status": "error",
          "code": "WEAK_PASSWORD",
          "message": "This password is too easy to guess.",
          "details": [
            {
              "path": "/body/password",
              "message": "This is a top-100 common password."
            }
          ],
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        }
      }
    },
    "409": {
      "contentType": "application/json",
      "examples": {
        "EMAIL_TAKEN": {
          "status": "error",
          "code": "EMAIL_TAKEN",
          "message": "An account with this email already exists.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        }
      }
    },
    "413": {
      "contentType": "application/json",
      "examples": {
        "PAYLOAD_TOO_LARGE": {
          "status": "error",
          "code": "PAYLOAD_TOO_LARGE",
          "message": "The request body is larger than 100 KB.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        }
      }
    },
    "415": {
      "contentType": "application/json",
      "examples": {
        "UNSUPPORTED_MEDIA_TYPE": {
          "status": "error",
          "code": "UNSUPPORTED_MEDIA_TYPE",
          "message": "The request body must be sent as application/json.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        }
      }
    },
    "429": {
      "contentType": "application/json",
      "examples": {
        "RATE_LIMITED": {
          "status": "error",
          "code": "RATE_LIMITED",
          "message": "Too many requests; try again later.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        }
      }
    }
  },
  "login": {
    "200": {
      "contentType": "application/json",
      "examples": {
        "default": {
          "status": "success",
          "data": {
            "user": {
              "id": "3f1c2a4e-6b7d-4e8f-9a0b-1c2d3e4f5a6b",
              "email": "ada@example.com",
              "name": "Ada Lovelace",
              "role": "customer",
              "disabled": false,
              "createdAt": "2026-11-24T10:00:00.000Z",
              "updatedAt": "2026-11-24T10:00:00.000Z"
            },
            "accessToken": "eyJhbGciOiJIUzI1NiIsInR5cCI6ImF0K2p3dCJ9.eyJzdWIiOiIzZjFjIn0.sig",
            "expiresIn": 900,
            "refreshToken": "q3J6mC8c0hD2n4oZpR5tU7vW9xY1zA3bC5dE7fG9hJ0"
          }
        }
      }
    },
    "400": {
      "contentType": "application/json",
      "examples": {
        "VALIDATION_ERROR": {
          "status": "error",
          "code": "VALIDATION_ERROR",
          "message": "The request is not valid.",
          "details": [
            {
              "path": "/body/email",
              "message": "must match format \"email\""
            }
          ],
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        },
        "INVALID_JSON": {
          "status": "error",
          "code": "INVALID_JSON",
          "message": "The request body is not valid JSON.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        }
      }
    },
    "401": {
      "contentType": "application/json",
      "examples": {
        "INVALID_CREDENTIALS": {
          "status": "error",
          "code": "INVALID_CREDENTIALS",
          "message": "The email or password is not correct.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        }
      }
    },
    "403": {
      "contentType": "application/json",
      "examples": {
        "ACCOUNT_DISABLED": {
          "status": "error",
          "code": "ACCOUNT_DISABLED",
          "message": "This account is disabled.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        }
      }
    },
    "413": {
      "contentType": "application/json",
      "examples": {
        "PAYLOAD_TOO_LARGE": {
          "status": "error",
          "code": "PAYLOAD_TOO_LARGE",
          "message": "The request body is larger than 100 KB.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        }
      }
    },
    "415": {
      "contentType": "application/json",
      "examples": {
        "UNSUPPORTED_MEDIA_TYPE": {
          "status": "error",
          "code": "UNSUPPORTED_MEDIA_TYPE",
          "message": "The request body must be sent as application/json.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        }
      }
    },
    "429": {
      "contentType": "application/json",
      "examples": {
        "RATE_LIMITED": {
          "status": "error",
          "code": "RATE_LIMITED",
          "message": "Too many requests; try again later.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        }
      }
    }
  },
  "refresh": {
    "200": {
      "contentType": "application/json",
      "examples": {
        "default": {
          "status": "success",
          "data": {
            "user": {
              "id": "3f1c2a4e-6b7d-4e8f-9a0b-1c2d3e4f5a6b",
              "email": "ada@example.com",
              "name": "Ada Lovelace",
              "role": "customer",
              "disabled": false,
              "createdAt": "2026-11-24T10:00:00.000Z",
              "updatedAt": "2026-11-24T10:00:00.000Z"
            },
            "accessToken": "eyJhbGciOiJIUzI1NiIsInR5cCI6ImF0K2p3dCJ9.eyJzdWIiOiIzZjFjIn0.sig",
            "expiresIn": 900,
            "refreshToken": "q3J6mC8c0hD2n4oZpR5tU7vW9xY1zA3bC5dE7fG9hJ0"
          }
        }
      }
    },
    "400": {
      "contentType": "application/json",
      "examples": {
        "VALIDATION_ERROR": {
          "status": "error",
          "code": "VALIDATION_ERROR",
          "message": "The request is not valid.",
          "details": [
            {
              "path": "/body/email",
              "message": "must match format \"email\""
            }
          ],
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        },
        "INVALID_JSON": {
          "status": "error",
          "code": "INVALID_JSON",
          "message": "The request body is not valid JSON.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        }
      }
    },
    "401": {
      "contentType": "application/json",
      "examples": {
        "UNAUTHENTICATED": {
          "status": "error",
          "code": "UNAUTHENTICATED",
          "message": "The refresh token is not valid.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        }
      }
    },
    "409": {
      "contentType": "application/json",
      "examples": {
        "REFRESH_CONFLICT": {
          "status": "error",
          "code": "REFRESH_CONFLICT",
          "message": "This refresh token was just rotated by another request; retry with the newest one.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        }
      }
    },
    "413": {
      "contentType": "application/json",
      "examples": {
        "PAYLOAD_TOO_LARGE": {
          "status": "error",
          "code": "PAYLOAD_TOO_LARGE",
          "message": "The request body is larger than 100 KB.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        }
      }
    },
    "415": {
      "contentType": "application/json",
      "examples": {
        "UNSUPPORTED_MEDIA_TYPE": {
          "status": "error",
          "code": "UNSUPPORTED_MEDIA_TYPE",
          "message": "The request body must be sent as application/json.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        }
      }
    },
    "429": {
      "contentType": "application/json",
      "examples": {
        "RATE_LIMITED": {
          "status": "error",
          "code": "RATE_LIMITED",
          "message": "Too many requests; try again later.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        }
      }
    }
  },
  "logout": {
    "204": {
      "contentType": null,
      "examples": {}
    },
    "400": {
      "contentType": "application/json",
      "examples": {
        "VALIDATION_ERROR": {
          "status": "error",
          "code": "VALIDATION_ERROR",
          "message": "The request is not valid.",
          "details": [
            {
              "path": "/body/email",
              "message": "must match format \"email\""
            }
          ],
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        },
        "INVALID_JSON": {
          "status": "error",
          "code": "INVALID_JSON",
          "message": "The request body is not valid JSON.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        }
      }
    },
    "401": {
      "contentType": "application/json",
      "examples": {
        "UNAUTHENTICATED": {
          "status": "error",
          "code": "UNAUTHENTICATED",
          "message": "Authentication is required.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        },
        "TOKEN_EXPIRED": {
          "status": "error",
          "code": "TOKEN_EXPIRED",
          "message": "The access token has expired.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        }
      }
    },
    "429": {
      "contentType": "application/json",
      "examples": {
        "RATE_LIMITED": {
          "status": "error",
          "code": "RATE_LIMITED",
          "message": "Too many requests; try again later.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        }
      }
    }
  },
  "logoutAll": {
    "204": {
      "contentType": null,
      "examples": {}
    },
    "400": {
      "contentType": "application/json",
      "examples": {
        "VALIDATION_ERROR": {
          "status": "error",
          "code": "VALIDATION_ERROR",
          "message": "The request is not valid.",
          "details": [
            {
              "path": "/body/email",
              "message": "must match format \"email\""
            }
          ],
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        },
        "INVALID_JSON": {
          "status": "error",
          "code": "INVALID_JSON",
          "message": "The request body is not valid JSON.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        }
      }
    },
    "401": {
      "contentType": "application/json",
      "examples": {
        "UNAUTHENTICATED": {
          "status": "error",
          "code": "UNAUTHENTICATED",
          "message": "Authentication is required.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        },
        "TOKEN_EXPIRED": {
          "status": "error",
          "code": "TOKEN_EXPIRED",
          "message": "The access token has expired.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        }
      }
    },
    "429": {
      "contentType": "application/json",
      "examples": {
        "RATE_LIMITED": {
          "status": "error",
          "code": "RATE_LIMITED",
          "message": "Too many requests; try again later.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        }
      }
    }
  },
  "listSessions": {
    "200": {
      "contentType": "application/json",
      "examples": {
        "several": {
          "status": "success",
          "data": [
            {
              "id": "7d9e2c1a-3b4f-4a5e-8c6d-0e1f2a3b4c5d",
              "current": true,
              "createdAt": "2026-11-24T10:00:00.000Z",
              "lastUsedAt": "2026-11-24T10:14:00.000Z",
              "expiresAt": "2026-12-24T10:00:00.000Z",
              "ip": "203.0.113.9",
              "userAgent": "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0"
            },
            {
              "id": "8e0f3d2b-4c5a-4b6f-9d7e-1f2a3b4c5d6e",
              "current": false,
              "createdAt": "2026-11-20T07:30:00.000Z",
              "lastUsedAt": "2026-11-24T07:02:00.000Z",
              "expiresAt": "2026-12-20T07:30:00.000Z",
              "ip": "198.51.100.23",
              "userAgent": "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148"
            },
            {
              "id": "9f1a4e3c-5d6b-4c7a-8e8f-2a3b4c5d6e7f",
              "current": false,
              "createdAt": "2026-11-02T21:00:00.000Z",
              "lastUsedAt": "2026-11-03T09:00:00.000Z",
              "expiresAt": "2026-12-02T21:00:00.000Z",
              "ip": null,
              "userAgent": null
            }
          ]
        }
      }
    },
    "400": {
      "contentType": "application/json",
      "examples": {
        "VALIDATION_ERROR": {
          "status": "error",
          "code": "VALIDATION_ERROR",
          "message": "The request is not valid.",
          "details": [
            {
              "path": "/body/email",
              "message": "must match format \"email\""
            }
          ],
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        },
        "INVALID_JSON": {
          "status": "error",
          "code": "INVALID_JSON",
          "message": "The request body is not valid JSON.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        }
      }
    },
    "401": {
      "contentType": "application/json",
      "examples": {
        "UNAUTHENTICATED": {
          "status": "error",
          "code": "UNAUTHENTICATED",
          "message": "Authentication is required.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        },
        "TOKEN_EXPIRED": {
          "status": "error",
          "code": "TOKEN_EXPIRED",
          "message": "The access token has expired.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        }
      }
    },
    "429": {
      "contentType": "application/json",
      "examples": {
        "RATE_LIMITED": {
          "status": "error",
          "code": "RATE_LIMITED",
          "message": "Too many requests; try again later.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        }
      }
    }
  },
  "revokeSession": {
    "204": {
      "contentType": null,
      "examples": {}
    },
    "400": {
      "contentType": "application/json",
      "examples": {
        "VALIDATION_ERROR": {
          "status": "error",
          "code": "VALIDATION_ERROR",
          "message": "The request is not valid.",
          "details": [
            {
              "path": "/body/email",
              "message": "must match format \"email\""
            }
          ],
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        },
        "INVALID_JSON": {
          "status": "error",
          "code": "INVALID_JSON",
          "message": "The request body is not valid JSON.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        }
      }
    },
    "401": {
      "contentType": "application/json",
      "examples": {
        "UNAUTHENTICATED": {
          "status": "error",
          "code": "UNAUTHENTICATED",
          "message": "Authentication is required.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        },
        "TOKEN_EXPIRED": {
          "status": "error",
          "code": "TOKEN_EXPIRED",
          "message": "The access token has expired.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        }
      }
    },
    "404": {
      "contentType": "application/json",
      "examples": {
        "NOT_FOUND": {
          "status": "error",
          "code": "NOT_FOUND",
          "message": "Nothing is found at this address.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        }
      }
    },
    "429": {
      "contentType": "application/json",
      "examples": {
        "RATE_LIMITED": {
          "status": "error",
          "code": "RATE_LIMITED",
          "message": "Too many requests; try again later.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        }
      }
    }
  },
  "changePassword": {
    "204": {
      "contentType": null,
      "examples": {}
    },
    "400": {
      "contentType": "application/json",
      "examples": {
        "VALIDATION_ERROR": {
          "status": "error",
          "code": "VALIDATION_ERROR",
          "message": "The request is not valid.",
          "details": [
            {
              "path": "/body/email",
              "message": "must match format \"email\""
            }
          ],
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        },
        "INVALID_JSON": {
          "status": "error",
          "code": "INVALID_JSON",
          "message": "The request body is not valid JSON.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        },
        "WEAK_PASSWORD": {
          "status": "error",
          "code": "WEAK_PASSWORD",
          "message": "This password is too easy to guess.",
          "details": [
            {
              "path": "/body/password",
              "message": "This is a top-100 common password."
            }
          ],
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        }
      }
    },
    "401": {
      "contentType": "application/json",
      "examples": {
        "UNAUTHENTICATED": {
          "status": "error",
          "code": "UNAUTHENTICATED",
          "message": "Authentication is required.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        },
        "TOKEN_EXPIRED": {
          "status": "error",
          "code": "TOKEN_EXPIRED",
          "message": "The access token has expired.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        },
        "INVALID_CREDENTIALS": {
          "status": "error",
          "code": "INVALID_CREDENTIALS",
          "message": "The email or password is not correct.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        }
      }
    },
    "413": {
      "contentType": "application/json",
      "examples": {
        "PAYLOAD_TOO_LARGE": {
          "status": "error",
          "code": "PAYLOAD_TOO_LARGE",
          "message": "The request body is larger than 100 KB.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        }
      }
    },
    "415": {
      "contentType": "application/json",
      "examples": {
        "UNSUPPORTED_MEDIA_TYPE": {
          "status": "error",
          "code": "UNSUPPORTED_MEDIA_TYPE",
          "message": "The request body must be sent as application/json.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        }
      }
    },
    "429": {
      "contentType": "application/json",
      "examples": {
        "RATE_LIMITED": {
          "status": "error",
          "code": "RATE_LIMITED",
          "message": "Too many requests; try again later.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        }
      }
    }
  },
  "requestPasswordReset": {
    "202": {
      "contentType": null,
      "examples": {}
    },
    "400": {
      "contentType": "application/json",
      "examples": {
        "VALIDATION_ERROR": {
          "status": "error",
          "code": "VALIDATION_ERROR",
          "message": "The request is not valid.",
          "details": [
            {
              "path": "/body/email",
              "message": "must match format \"email\""
            }
          ],
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        },
        "INVALID_JSON": {
          "status": "error",
          "code": "INVALID_JSON",
          "message": "The request body is not valid JSON.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        }
      }
    },
    "413": {
      "contentType": "application/json",
      "examples": {
        "PAYLOAD_TOO_LARGE": {
          "status": "error",
          "code": "PAYLOAD_TOO_LARGE",
          "message": "The request body is larger than 100 KB.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        }
      }
    },
    "415": {
      "contentType": "application/json",
      "examples": {
        "UNSUPPORTED_MEDIA_TYPE": {
          "status": "error",
          "code": "UNSUPPORTED_MEDIA_TYPE",
          "message": "The request body must be sent as application/json.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        }
      }
    },
    "429": {
      "contentType": "application/json",
      "examples": {
        "RATE_LIMITED": {
          "status": "error",
          "code": "RATE_LIMITED",
          "message": "Too many requests; try again later.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        }
      }
    }
  },
  "confirmPasswordReset": {
    "204": {
      "contentType": null,
      "examples": {}
    },
    "400": {
      "contentType": "application/json",
      "examples": {
        "VALIDATION_ERROR": {
          "status": "error",
          "code": "VALIDATION_ERROR",
          "message": "The request is not valid.",
          "details": [
            {
              "path": "/body/email",
              "message": "must match format \"email\""
            }
          ],
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        },
        "INVALID_JSON": {
          "status": "error",
          "code": "INVALID_JSON",
          "message": "The request body is not valid JSON.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        },
        "INVALID_RESET_TOKEN": {
          "status": "error",
          "code": "INVALID_RESET_TOKEN",
          "message": "This reset link is not valid or has expired.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        },
        "WEAK_PASSWORD": {
          "status": "error",
          "code": "WEAK_PASSWORD",
          "message": "This password is too easy to guess.",
          "details": [
            {
              "path": "/body/password",
              "message": "This is a top-100 common password."
            }
          ],
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        }
      }
    },
    "413": {
      "contentType": "application/json",
      "examples": {
        "PAYLOAD_TOO_LARGE": {
          "status": "error",
          "code": "PAYLOAD_TOO_LARGE",
          "message": "The request body is larger than 100 KB.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        }
      }
    },
    "415": {
      "contentType": "application/json",
      "examples": {
        "UNSUPPORTED_MEDIA_TYPE": {
          "status": "error",
          "code": "UNSUPPORTED_MEDIA_TYPE",
          "message": "The request body must be sent as application/json.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        }
      }
    },
    "429": {
      "contentType": "application/json",
      "examples": {
        "RATE_LIMITED": {
          "status": "error",
          "code": "RATE_LIMITED",
          "message": "Too many requests; try again later.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        }
      }
    }
  },
  "getMe": {
    "200": {
      "contentType": "application/json",
      "examples": {
        "default": {
          "status": "success",
          "data": {
            "id": "3f1c2a4e-6b7d-4e8f-9a0b-1c2d3e4f5a6b",
            "email": "ada@example.com",
            "name": "Ada Lovelace",
            "role": "customer",
            "disabled": false,
            "createdAt": "2026-11-24T10:00:00.000Z",
            "updatedAt": "2026-11-24T10:00:00.000Z"
          }
        }
      }
    },
    "400": {
      "contentType": "application/json",
      "examples": {
        "VALIDATION_ERROR": {
          "status": "error",
          "code": "VALIDATION_ERROR",
          "message": "The request is not valid.",
          "details": [
            {
              "path": "/body/email",
              "message": "must match format \"email\""
            }
          ],
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        },
        "INVALID_JSON": {
          "status": "error",
          "code": "INVALID_JSON",
          "message": "The request body is not valid JSON.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        }
      }
    },
    "401": {
      "contentType": "application/json",
      "examples": {
        "UNAUTHENTICATED": {
          "status": "error",
          "code": "UNAUTHENTICATED",
          "message": "Authentication is required.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        },
        "TOKEN_EXPIRED": {
          "status": "error",
          "code": "TOKEN_EXPIRED",
          "message": "The access token has expired.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        }
      }
    },
    "429": {
      "contentType": "application/json",
      "examples": {
        "RATE_LIMITED": {
          "status": "error",
          "code": "RATE_LIMITED",
          "message": "Too many requests; try again later.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        }
      }
    }
  },
  "updateMe": {
    "200": {
      "contentType": "application/json",
      "examples": {
        "default": {
          "status": "success",
          "data": {
            "id": "3f1c2a4e-6b7d-4e8f-9a0b-1c2d3e4f5a6b",
            "email": "ada@example.com",
            "name": "Ada Lovelace",
            "role": "customer",
            "disabled": false,
            "createdAt": "2026-11-24T10:00:00.000Z",
            "updatedAt": "2026-11-24T10:00:00.000Z"
          }
        }
      }
    },
    "400": {
      "contentType": "application/json",
      "examples": {
        "VALIDATION_ERROR": {
          "status": "error",
          "code": "VALIDATION_ERROR",
          "message": "The request is not valid.",
          "details": [
            {
              "path": "/body/email",
              "message": "must match format \"email\""
            }
          ],
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        },
        "INVALID_JSON": {
          "status": "error",
          "code": "INVALID_JSON",
          "message": "The request body is not valid JSON.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        },
        "CURRENT_PASSWORD_REQUIRED": {
          "status": "error",
          "code": "CURRENT_PASSWORD_REQUIRED",
          "message": "Changing the email needs the current password.",
          "details": [
            {
              "path": "/body/currentPassword",
              "message": "is required to change the email"
            }
          ],
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        }
      }
    },
    "401": {
      "contentType": "application/json",
      "examples": {
        "UNAUTHENTICATED": {
          "status": "error",
          "code": "UNAUTHENTICATED",
          "message": "Authentication is required.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        },
        "TOKEN_EXPIRED": {
          "status": "error",
          "code": "TOKEN_EXPIRED",
          "message": "The access token has expired.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        },
        "INVALID_CREDENTIALS": {
          "status": "error",
          "code": "INVALID_CREDENTIALS",
          "message": "The email or password is not correct.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        }
      }
    },
    "409": {
      "contentType": "application/json",
      "examples": {
        "EMAIL_TAKEN": {
          "status": "error",
          "code": "EMAIL_TAKEN",
          "message": "An account with this email already exists.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        }
      }
    },
    "413": {
      "contentType": "application/json",
      "examples": {
        "PAYLOAD_TOO_LARGE": {
          "status": "error",
          "code": "PAYLOAD_TOO_LARGE",
          "message": "The request body is larger than 100 KB.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        }
      }
    },
    "415": {
      "contentType": "application/json",
      "examples": {
        "UNSUPPORTED_MEDIA_TYPE": {
          "status": "error",
          "code": "UNSUPPORTED_MEDIA_TYPE",
          "message": "The request body must be sent as application/json.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        }
      }
    },
    "429": {
      "contentType": "application/json",
      "examples": {
        "RATE_LIMITED": {
          "status": "error",
          "code": "RATE_LIMITED",
          "message": "Too many requests; try again later.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        }
      }
    }
  },
  "listUsers": {
    "200": {
      "contentType": "application/json",
      "examples": {
        "bothRoles": {
          "status": "success",
          "data": [
            {
              "id": "3f1c2a4e-6b7d-4e8f-9a0b-1c2d3e4f5a6b",
              "email": "ada@example.com",
              "name": "Ada Lovelace",
              "role": "customer",
              "disabled": false,
              "createdAt": "2026-11-24T10:00:00.000Z",
              "updatedAt": "2026-11-24T10:00:00.000Z"
            },
            {
              "id": "6a7b8c9d-0e1f-4a2b-8c3d-4e5f6a7b8c9d",
              "email": "grace@example.com",
              "name": "Grace Hopper",
              "role": "admin",
              "disabled": false,
              "createdAt": "2026-11-01T08:00:00.000Z",
              "updatedAt": "2026-11-01T08:00:00.000Z"
            },
            {
              "id": "7b8c9d0e-1f2a-4b3c-9d4e-5f6a7b8c9d0e",
              "email": "alan@example.com",
              "name": "Alan Turing",
              "role": "customer",
              "disabled": true,
              "createdAt": "2026-11-10T15:20:00.000Z",
              "updatedAt": "2026-11-26T11:00:00.000Z"
            },
            {
              "id": "8c9d0e1f-2a3b-4c4d-8e5f-6a7b8c9d0e1f",
              "email": "katherine@example.com",
              "name": "Katherine Johnson",
              "role": "customer",
              "disabled": false,
              "createdAt": "2026-11-12T19:05:00.000Z",
              "updatedAt": "2026-11-12T19:05:00.000Z"
            }
          ],
          "meta": {
            "pagination": {
              "page": 1,
              "limit": 20,
              "total": 4,
              "totalPages": 1
            }
          }
        },
        "noMatch": {
          "status": "success",
          "data": [],
          "meta": {
            "pagination": {
              "page": 1,
              "limit": 20,
              "total": 0,
              "totalPages": 0
            }
          }
        }
      }
    },
    "400": {
      "contentType": "application/json",
      "examples": {
        "VALIDATION_ERROR": {
          "status": "error",
          "code": "VALIDATION_ERROR",
          "message": "The request is not valid.",
          "details": [
            {
              "path": "/body/email",
              "message": "must match format \"email\""
            }
          ],
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        },
        "INVALID_JSON": {
          "status": "error",
          "code": "INVALID_JSON",
          "message": "The request body is not valid JSON.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        }
      }
    },
    "401": {
      "contentType": "application/json",
      "examples": {
        "UNAUTHENTICATED": {
          "status": "error",
          "code": "UNAUTHENTICATED",
          "message": "Authentication is required.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        },
        "TOKEN_EXPIRED": {
          "status": "error",
          "code": "TOKEN_EXPIRED",
          "message": "The access token has expired.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        }
      }
    },
    "403": {
      "contentType": "application/json",
      "examples": {
        "FORBIDDEN": {
          "status": "error",
          "code": "FORBIDDEN",
          "message": "You are not allowed to do this.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        }
      }
    },
    "429": {
      "contentType": "application/json",
      "examples": {
        "RATE_LIMITED": {
          "status": "error",
          "code": "RATE_LIMITED",
          "message": "Too many requests; try again later.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        }
      }
    }
  },
  "getUser": {
    "200": {
      "contentType": "application/json",
      "examples": {
        "default": {
          "status": "success",
          "data": {
            "id": "3f1c2a4e-6b7d-4e8f-9a0b-1c2d3e4f5a6b",
            "email": "ada@example.com",
            "name": "Ada Lovelace",
            "role": "customer",
            "disabled": false,
            "createdAt": "2026-11-24T10:00:00.000Z",
            "updatedAt": "2026-11-24T10:00:00.000Z"
          }
        }
      }
    },
    "400": {
      "contentType": "application/json",
      "examples": {
        "VALIDATION_ERROR": {
          "status": "error",
          "code": "VALIDATION_ERROR",
          "message": "The request is not valid.",
          "details": [
            {
              "path": "/body/email",
              "message": "must match format \"email\""
            }
          ],
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        },
        "INVALID_JSON": {
          "status": "error",
          "code": "INVALID_JSON",
          "message": "The request body is not valid JSON.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        }
      }
    },
    "401": {
      "contentType": "application/json",
      "examples": {
        "UNAUTHENTICATED": {
          "status": "error",
          "code": "UNAUTHENTICATED",
          "message": "Authentication is required.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        },
        "TOKEN_EXPIRED": {
          "status": "error",
          "code": "TOKEN_EXPIRED",
          "message": "The access token has expired.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        }
      }
    },
    "403": {
      "contentType": "application/json",
      "examples": {
        "FORBIDDEN": {
          "status": "error",
          "code": "FORBIDDEN",
          "message": "You are not allowed to do this.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        }
      }
    },
    "404": {
      "contentType": "application/json",
      "examples": {
        "NOT_FOUND": {
          "status": "error",
          "code": "NOT_FOUND",
          "message": "Nothing is found at this address.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        }
      }
    },
    "429": {
      "contentType": "application/json",
      "examples": {
        "RATE_LIMITED": {
          "status": "error",
          "code": "RATE_LIMITED",
          "message": "Too many requests; try again later.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        }
      }
    }
  },
  "updateUser": {
    "200": {
      "contentType": "application/json",
      "examples": {
        "default": {
          "status": "success",
          "data": {
            "id": "3f1c2a4e-6b7d-4e8f-9a0b-1c2d3e4f5a6b",
            "email": "ada@example.com",
            "name": "Ada Lovelace",
            "role": "customer",
            "disabled": false,
            "createdAt": "2026-11-24T10:00:00.000Z",
            "updatedAt": "2026-11-24T10:00:00.000Z"
          }
        }
      }
    },
    "400": {
      "contentType": "application/json",
      "examples": {
        "VALIDATION_ERROR": {
          "status": "error",
          "code": "VALIDATION_ERROR",
          "message": "The request is not valid.",
          "details": [
            {
              "path": "/body/email",
              "message": "must match format \"email\""
            }
          ],
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        },
        "INVALID_JSON": {
          "status": "error",
          "code": "INVALID_JSON",
          "message": "The request body is not valid JSON.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        }
      }
    },
    "401": {
      "contentType": "application/json",
      "examples": {
        "UNAUTHENTICATED": {
          "status": "error",
          "code": "UNAUTHENTICATED",
          "message": "Authentication is required.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        },
        "TOKEN_EXPIRED": {
          "status": "error",
          "code": "TOKEN_EXPIRED",
          "message": "The access token has expired.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        }
      }
    },
    "403": {
      "contentType": "application/json",
      "examples": {
        "FORBIDDEN": {
          "status": "error",
          "code": "FORBIDDEN",
          "message": "You are not allowed to do this.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        }
      }
    },
    "404": {
      "contentType": "application/json",
      "examples": {
        "NOT_FOUND": {
          "status": "error",
          "code": "NOT_FOUND",
          "message": "Nothing is found at this address.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        }
      }
    },
    "409": {
      "contentType": "application/json",
      "examples": {
        "CONFLICT": {
          "status": "error",
          "code": "CONFLICT",
          "message": "The request conflicts with the current state.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        }
      }
    },
    "413": {
      "contentType": "application/json",
      "examples": {
        "PAYLOAD_TOO_LARGE": {
          "status": "error",
          "code": "PAYLOAD_TOO_LARGE",
          "message": "The request body is larger than 100 KB.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        }
      }
    },
    "415": {
      "contentType": "application/json",
      "examples": {
        "UNSUPPORTED_MEDIA_TYPE": {
          "status": "error",
          "code": "UNSUPPORTED_MEDIA_TYPE",
          "message": "The request body must be sent as application/json.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        }
      }
    },
    "429": {
      "contentType": "application/json",
      "examples": {
        "RATE_LIMITED": {
          "status": "error",
          "code": "RATE_LIMITED",
          "message": "Too many requests; try again later.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        }
      }
    }
  },
  "deleteUser": {
    "204": {
      "contentType": null,
      "examples": {}
    },
    "400": {
      "contentType": "application/json",
      "examples": {
        "VALIDATION_ERROR": {
          "status": "error",
          "code": "VALIDATION_ERROR",
          "message": "The request is not valid.",
          "details": [
            {
              "path": "/body/email",
              "message": "must match format \"email\""
            }
          ],
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        },
        "INVALID_JSON": {
          "status": "error",
          "code": "INVALID_JSON",
          "message": "The request body is not valid JSON.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        }
      }
    },
    "401": {
      "contentType": "application/json",
      "examples": {
        "UNAUTHENTICATED": {
          "status": "error",
          "code": "UNAUTHENTICATED",
          "message": "Authentication is required.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        },
        "TOKEN_EXPIRED": {
          "status": "error",
          "code": "TOKEN_EXPIRED",
          "message": "The access token has expired.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        }
      }
    },
    "403": {
      "contentType": "application/json",
      "examples": {
        "FORBIDDEN": {
          "status": "error",
          "code": "FORBIDDEN",
          "message": "You are not allowed to do this.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        }
      }
    },
    "404": {
      "contentType": "application/json",
      "examples": {
        "NOT_FOUND": {
          "status": "error",
          "code": "NOT_FOUND",
          "message": "Nothing is found at this address.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        }
      }
    },
    "409": {
      "contentType": "application/json",
      "examples": {
        "CONFLICT": {
          "status": "error",
          "code": "CONFLICT",
          "message": "The request conflicts with the current state.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        }
      }
    },
    "429": {
      "contentType": "application/json",
      "examples": {
        "RATE_LIMITED": {
          "status": "error",
          "code": "RATE_LIMITED",
          "message": "Too many requests; try again later.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        }
      }
    }
  },
  "listProducts": {
    "200": {
      "contentType": "application/json",
      "examples": {
        "firstPage": {
          "status": "success",
          "data": [
            {
              "id": "3f1c2a4e-6b7d-4e8f-9a0b-1c2d3e4f5a6b",
              "sku": "CHAIR-0001",
              "name": "Ergonomic Steel Chair",
              "description": "A chair that is kind to your back.",
              "priceCents": 12999,
              "currency": "EUR",
              "stock": 42,
              "category": "furniture",
              "createdAt": "2026-11-24T10:00:00.000Z",
              "updatedAt": "2026-11-24T10:00:00.000Z"
            },
            {
              "id": "8a1b2c3d-4e5f-4a6b-9c7d-8e9f0a1b2c3d",
              "sku": "DESK-0107",
              "name": "Oak Standing Desk",
              "description": "Solid oak top, electric lift from 65 to 125 cm.",
              "priceCents": 54900,
              "currency": "EUR",
              "stock": 3,
              "category": "furniture",
              "createdAt": "2026-11-23T16:30:00.000Z",
              "updatedAt": "2026-11-23T16:30:00.000Z"
            },
            {
              "id": "5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a",
              "sku": "LAMP-0042",
              "name": "Brass Reading Lamp",
              "description": "Warm light, adjustable arm. Back in stock soon.",
              "priceCents": 8950,
              "currency": "EUR",
              "stock": 0,
              "category": "lighting",
              "createdAt": "2026-11-22T09:15:00.000Z",
              "updatedAt": "2026-11-22T09:15:00.000Z"
            },
            {
              "id": "c2d3e4f5-a6b7-4c8d-9e0f-1a2b3c4d5e6f",
              "sku": "PAN-0028",
              "name": "Cast Iron Skillet 28 cm",
              "description": "Pre-seasoned; oven safe.",
              "priceCents": 3999,
              "currency": "EUR",
              "stock": 120,
              "category": "kitchen",
              "createdAt": "2026-11-21T14:05:00.000Z",
              "updatedAt": "2026-11-21T14:05:00.000Z"
            },
            {
              "id": "d4e5f6a7-b8c9-4d0e-8f1a-2b3c4d5e6f7a",
              "sku": "CUSH-0450",
              "name": "Linen Cushion Cover 45 × 45 cm",
              "description": "Stonewashed linen with a hidden zip. Last one.",
              "priceCents": 1850,
              "currency": "EUR",
              "stock": 1,
              "category": "textiles",
              "createdAt": "2026-11-20T11:45:00.000Z",
              "updatedAt": "2026-11-20T11:45:00.000Z"
            },
            {
              "id": "e6f7a8b9-c0d1-4e2f-9a3b-4c5d6e7f8a9b",
              "sku": "PLNT-0300",
              "name": "Cedar Planter Box",
              "description": "Untreated cedar, 60 × 30 cm.",
              "priceCents": 6400,
              "currency": "EUR",
              "stock": 17,
              "category": "garden",
              "createdAt": "2026-11-19T08:00:00.000Z",
              "updatedAt": "2026-11-19T08:00:00.000Z"
            }
          ],
          "meta": {
            "pagination": {
              "page": 1,
              "limit": 6,
              "total": 14,
              "totalPages": 3,
              "nextCursor": "eyJ2IjoiMjAyNi0xMS0xOVQwODowMDowMC4wMDBaIiwiaWQiOiJlNmY3YThiOSJ9"
            }
          }
        },
        "lastPage": {
          "status": "success",
          "data": [
            {
              "id": "f8a9b0c1-d2e3-4f4a-8b5c-6d7e8f9a0b1c",
              "sku": "THROW-0130",
              "name": "Wool Throw Blanket",
              "description": "130 × 170 cm, merino.",
              "priceCents": 7900,
              "currency": "EUR",
              "stock": 8,
              "category": "textiles",
              "createdAt": "2026-11-02T10:00:00.000Z",
              "updatedAt": "2026-11-02T10:00:00.000Z"
            },
            {
              "id": "a0b1c2d3-e4f5-4a6b-9c7d-8e9f0a1b2c3e",
              "sku": "BREW-0002",
              "name": "Ceramic Pour-over Set",
              "description": "Dripper, carafe and two cups.",
              "priceCents": 4500,
              "currency": "EUR",
              "stock": 0,
              "category": "kitchen",
              "createdAt": "2026-11-01T10:00:00.000Z",
              "updatedAt": "2026-11-01T10:00:00.000Z"
            }
          ],
          "meta": {
            "pagination": {
              "page": 3,
              "limit": 6,
              "total": 14,
              "totalPages": 3,
              "nextCursor": null
            }
          }
        },
        "empty": {
          "status": "success",
          "data": [],
          "meta": {
            "pagination": {
              "page": 1,
              "limit": 20,
              "total": 0,
              "totalPages": 0,
              "nextCursor": null
            }
          }
        }
      }
    },
    "400": {
      "contentType": "application/json",
      "examples": {
        "VALIDATION_ERROR": {
          "status": "error",
          "code": "VALIDATION_ERROR",
          "message": "The request is not valid.",
          "details": [
            {
              "path": "/query/limit",
              "message": "must be <= 100"
            }
          ],
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        },
        "INVALID_CURSOR": {
          "status": "error",
          "code": "INVALID_CURSOR",
          "message": "The cursor is not valid for this query.",
          "details": [
            {
              "path": "/query/cursor",
              "message": "must be the nextCursor of a previous answer with the same filters and sort"
            }
          ],
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        }
      }
    },
    "429": {
      "contentType": "application/json",
      "examples": {
        "RATE_LIMITED": {
          "status": "error",
          "code": "RATE_LIMITED",
          "message": "Too many requests; try again later.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        }
      }
    }
  },
  "createProduct": {
    "201": {
      "contentType": "application/json",
      "examples": {
        "default": {
          "status": "success",
          "data": {
            "id": "3f1c2a4e-6b7d-4e8f-9a0b-1c2d3e4f5a6b",
            "sku": "CHAIR-0001",
            "name": "Ergonomic Steel Chair",
            "description": "A chair that is kind to your back.",
            "priceCents": 12999,
            "currency": "EUR",
            "stock": 42,
            "category": "furniture",
            "createdAt": "2026-11-24T10:00:00.000Z",
            "updatedAt": "2026-11-24T10:00:00.000Z"
          }
        }
      }
    },
    "400": {
      "contentType": "application/json",
      "examples": {
        "VALIDATION_ERROR": {
          "status": "error",
          "code": "VALIDATION_ERROR",
          "message": "The request is not valid.",
          "details": [
            {
              "path": "/body/email",
              "message": "must match format \"email\""
            }
          ],
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        },
        "INVALID_JSON": {
          "status": "error",
          "code": "INVALID_JSON",
          "message": "The request body is not valid JSON.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        }
      }
    },
    "401": {
      "contentType": "application/json",
      "examples": {
        "UNAUTHENTICATED": {
          "status": "error",
          "code": "UNAUTHENTICATED",
          "message": "Authentication is required.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        },
        "TOKEN_EXPIRED": {
          "status": "error",
          "code": "TOKEN_EXPIRED",
          "message": "The access token has expired.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        }
      }
    },
    "403": {
      "contentType": "application/json",
      "examples": {
        "FORBIDDEN": {
          "status": "error",
          "code": "FORBIDDEN",
          "message": "You are not allowed to do this.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        }
      }
    },
    "409": {
      "contentType": "application/json",
      "examples": {
        "SKU_TAKEN": {
          "status": "error",
          "code": "SKU_TAKEN",
          "message": "A product with this SKU exists.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        }
      }
    },
    "413": {
      "contentType": "application/json",
      "examples": {
        "PAYLOAD_TOO_LARGE": {
          "status": "error",
          "code": "PAYLOAD_TOO_LARGE",
          "message": "The request body is larger than 100 KB.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        }
      }
    },
    "415": {
      "contentType": "application/json",
      "examples": {
        "UNSUPPORTED_MEDIA_TYPE": {
          "status": "error",
          "code": "UNSUPPORTED_MEDIA_TYPE",
          "message": "The request body must be sent as application/json.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        }
      }
    },
    "429": {
      "contentType": "application/json",
      "examples": {
        "RATE_LIMITED": {
          "status": "error",
          "code": "RATE_LIMITED",
          "message": "Too many requests; try again later.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        }
      }
    }
  },
  "getProduct": {
    "200": {
      "contentType": "application/json",
      "examples": {
        "default": {
          "status": "success",
          "data": {
            "id": "3f1c2a4e-6b7d-4e8f-9a0b-1c2d3e4f5a6b",
            "sku": "CHAIR-0001",
            "name": "Ergonomic Steel Chair",
            "description": "A chair that is kind to your back.",
            "priceCents": 12999,
            "currency": "EUR",
            "stock": 42,
            "category": "furniture",
            "createdAt": "2026-11-24T10:00:00.000Z",
            "updatedAt": "2026-11-24T10:00:00.000Z"
          }
        }
      }
    },
    "304": {
      "contentType": null,
      "examples": {}
    },
    "400": {
      "contentType": "application/json",
      "examples": {
        "VALIDATION_ERROR": {
          "status": "error",
          "code": "VALIDATION_ERROR",
          "message": "The request is not valid.",
          "details": [
            {
              "path": "/body/email",
              "message": "must match format \"email\""
            }
          ],
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        },
        "INVALID_JSON": {
          "status": "error",
          "code": "INVALID_JSON",
          "message": "The request body is not valid JSON.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        }
      }
    },
    "404": {
      "contentType": "application/json",
      "examples": {
        "NOT_FOUND": {
          "status": "error",
          "code": "NOT_FOUND",
          "message": "Nothing is found at this address.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        }
      }
    },
    "429": {
      "contentType": "application/json",
      "examples": {
        "RATE_LIMITED": {
          "status": "error",
          "code": "RATE_LIMITED",
          "message": "Too many requests; try again later.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        }
      }
    }
  },
  "updateProduct": {
    "200": {
      "contentType": "application/json",
      "examples": {
        "default": {
          "status": "success",
          "data": {
            "id": "3f1c2a4e-6b7d-4e8f-9a0b-1c2d3e4f5a6b",
            "sku": "CHAIR-0001",
            "name": "Ergonomic Steel Chair",
            "description": "A chair that is kind to your back.",
            "priceCents": 12999,
            "currency": "EUR",
            "stock": 42,
            "category": "furniture",
            "createdAt": "2026-11-24T10:00:00.000Z",
            "updatedAt": "2026-11-24T10:00:00.000Z"
          }
        }
      }
    },
    "400": {
      "contentType": "application/json",
      "examples": {
        "VALIDATION_ERROR": {
          "status": "error",
          "code": "VALIDATION_ERROR",
          "message": "The request is not valid.",
          "details": [
            {
              "path": "/body/email",
              "message": "must match format \"email\""
            }
          ],
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        },
        "INVALID_JSON": {
          "status": "error",
          "code": "INVALID_JSON",
          "message": "The request body is not valid JSON.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        }
      }
    },
    "401": {
      "contentType": "application/json",
      "examples": {
        "UNAUTHENTICATED": {
          "status": "error",
          "code": "UNAUTHENTICATED",
          "message": "Authentication is required.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        },
        "TOKEN_EXPIRED": {
          "status": "error",
          "code": "TOKEN_EXPIRED",
          "message": "The access token has expired.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        }
      }
    },
    "403": {
      "contentType": "application/json",
      "examples": {
        "FORBIDDEN": {
          "status": "error",
          "code": "FORBIDDEN",
          "message": "You are not allowed to do this.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        }
      }
    },
    "404": {
      "contentType": "application/json",
      "examples": {
        "NOT_FOUND": {
          "status": "error",
          "code": "NOT_FOUND",
          "message": "Nothing is found at this address.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        }
      }
    },
    "409": {
      "contentType": "application/json",
      "examples": {
        "SKU_TAKEN": {
          "status": "error",
          "code": "SKU_TAKEN",
          "message": "A product with this SKU exists.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        }
      }
    },
    "412": {
      "contentType": "application/json",
      "examples": {
        "PRECONDITION_FAILED": {
          "status": "error",
          "code": "PRECONDITION_FAILED",
          "message": "The resource has changed since you read it.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        }
      }
    },
    "413": {
      "contentType": "application/json",
      "examples": {
        "PAYLOAD_TOO_LARGE": {
          "status": "error",
          "code": "PAYLOAD_TOO_LARGE",
          "message": "The request body is larger than 100 KB.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        }
      }
    },
    "415": {
      "contentType": "application/json",
      "examples": {
        "UNSUPPORTED_MEDIA_TYPE": {
          "status": "error",
          "code": "UNSUPPORTED_MEDIA_TYPE",
          "message": "The request body must be sent as application/json.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        }
      }
    },
    "429": {
      "contentType": "application/json",
      "examples": {
        "RATE_LIMITED": {
          "status": "error",
          "code": "RATE_LIMITED",
          "message": "Too many requests; try again later.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        }
      }
    }
  },
  "deleteProduct": {
    "204": {
      "contentType": null,
      "examples": {}
    },
    "400": {
      "contentType": "application/json",
      "examples": {
        "VALIDATION_ERROR": {
          "status": "error",
          "code": "VALIDATION_ERROR",
          "message": "The request is not valid.",
          "details": [
            {
              "path": "/body/email",
              "message": "must match format \"email\""
            }
          ],
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        },
        "INVALID_JSON": {
          "status": "error",
          "code": "INVALID_JSON",
          "message": "The request body is not valid JSON.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        }
      }
    },
    "401": {
      "contentType": "application/json",
      "examples": {
        "UNAUTHENTICATED": {
          "status": "error",
          "code": "UNAUTHENTICATED",
          "message": "Authentication is required.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        },
        "TOKEN_EXPIRED": {
          "status": "error",
          "code": "TOKEN_EXPIRED",
          "message": "The access token has expired.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        }
      }
    },
    "403": {
      "contentType": "application/json",
      "examples": {
        "FORBIDDEN": {
          "status": "error",
          "code": "FORBIDDEN",
          "message": "You are not allowed to do this.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        }
      }
    },
    "404": {
      "contentType": "application/json",
      "examples": {
        "NOT_FOUND": {
          "status": "error",
          "code": "NOT_FOUND",
          "message": "Nothing is found at this address.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        }
      }
    },
    "429": {
      "contentType": "application/json",
      "examples": {
        "RATE_LIMITED": {
          "status": "error",
          "code": "RATE_LIMITED",
          "message": "Too many requests; try again later.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        }
      }
    }
  },
  "listOrders": {
    "200": {
      "contentType": "application/json",
      "examples": {
        "everyStatus": {
          "status": "success",
          "data": [
            {
              "id": "9b2f6c1e-7a3d-4e5f-8a9b-0c1d2e3f4a5b",
              "userId": "3f1c2a4e-6b7d-4e8f-9a0b-1c2d3e4f5a6b",
              "status": "pending",
              "currency": "EUR",
              "totalCents": 25998,
              "items": [
                {
                  "productId": "3f1c2a4e-6b7d-4e8f-9a0b-1c2d3e4f5a6b",
                  "sku": "CHAIR-0001",
                  "name": "Ergonomic Steel Chair",
                  "quantity": 2,
                  "unitPriceCents": 12999,
                  "lineTotalCents": 25998
                }
              ],
              "createdAt": "2026-11-28T18:20:00.000Z",
              "updatedAt": "2026-11-28T18:20:00.000Z"
            },
            {
              "id": "1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f",
              "userId": "3f1c2a4e-6b7d-4e8f-9a0b-1c2d3e4f5a6b",
              "status": "paid",
              "currency": "EUR",
              "totalCents": 7699,
              "items": [
                {
                  "productId": "c2d3e4f5-a6b7-4c8d-9e0f-1a2b3c4d5e6f",
                  "sku": "PAN-0028",
                  "name": "Cast Iron Skillet 28 cm",
                  "quantity": 1,
                  "unitPriceCents": 3999,
                  "lineTotalCents": 3999
                },
                {
                  "productId": "d4e5f6a7-b8c9-4d0e-8f1a-2b3c4d5e6f7a",
                  "sku": "CUSH-0450",
                  "name": "Linen Cushion Cover 45 × 45 cm",
                  "quantity": 2,
                  "unitPriceCents": 1850,
                  "lineTotalCents": 3700
                }
              ],
              "createdAt": "2026-11-27T09:10:00.000Z",
              "updatedAt": "2026-11-27T09:40:00.000Z"
            },
            {
              "id": "2d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f6a",
              "userId": "3f1c2a4e-6b7d-4e8f-9a0b-1c2d3e4f5a6b",
              "status": "shipped",
              "currency": "EUR",
              "totalCents": 54900,
              "items": [
                {
                  "productId": "8a1b2c3d-4e5f-4a6b-9c7d-8e9f0a1b2c3d",
                  "sku": "DESK-0107",
                  "name": "Oak Standing Desk",
                  "quantity": 1,
                  "unitPriceCents": 54900,
                  "lineTotalCents": 54900
                }
              ],
              "createdAt": "2026-11-25T13:00:00.000Z",
              "updatedAt": "2026-11-26T08:30:00.000Z"
            },
            {
              "id": "3e4f5a6b-7c8d-4e9f-8a0b-2c3d4e5f6a7b",
              "userId": "3f1c2a4e-6b7d-4e8f-9a0b-1c2d3e4f5a6b",
              "status": "delivered",
              "currency": "EUR",
              "totalCents": 28150,
              "items": [
                {
                  "productId": "e6f7a8b9-c0d1-4e2f-9a3b-4c5d6e7f8a9b",
                  "sku": "PLNT-0300",
                  "name": "Cedar Planter Box",
                  "quantity": 3,
                  "unitPriceCents": 6400,
                  "lineTotalCents": 19200
                },
                {
                  "productId": "5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a",
                  "sku": "LAMP-0042",
                  "name": "Brass Reading Lamp",
                  "quantity": 1,
                  "unitPriceCents": 8950,
                  "lineTotalCents": 8950
                }
              ],
              "createdAt": "2026-11-20T17:45:00.000Z",
              "updatedAt": "2026-11-23T12:00:00.000Z"
            },
            {
              "id": "4f5a6b7c-8d9e-4f0a-9b1c-3d4e5f6a7b8c",
              "userId": "3f1c2a4e-6b7d-4e8f-9a0b-1c2d3e4f5a6b",
              "status": "cancelled",
              "currency": "EUR",
              "totalCents": 7900,
              "items": [
                {
                  "productId": "f8a9b0c1-d2e3-4f4a-8b5c-6d7e8f9a0b1c",
                  "sku": "THROW-0130",
                  "name": "Wool Throw Blanket",
                  "quantity": 1,
                  "unitPriceCents": 7900,
                  "lineTotalCents": 7900
                }
              ],
              "createdAt": "2026-11-18T07:30:00.000Z",
              "updatedAt": "2026-11-18T08:05:00.000Z"
            }
          ],
          "meta": {
            "pagination": {
              "page": 1,
              "limit": 20,
              "total": 5,
              "totalPages": 1
            }
          }
        },
        "empty": {
          "status": "success",
          "data": [],
          "meta": {
            "pagination": {
              "page": 1,
              "limit": 20,
              "total": 0,
              "totalPages": 0
            }
          }
        }
      }
    },
    "400": {
      "contentType": "application/json",
      "examples": {
        "VALIDATION_ERROR": {
          "status": "error",
          "code": "VALIDATION_ERROR",
          "message": "The request is not valid.",
          "details": [
            {
              "path": "/body/email",
              "message": "must match format \"email\""
            }
          ],
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        },
        "INVALID_JSON": {
          "status": "error",
          "code": "INVALID_JSON",
          "message": "The request body is not valid JSON.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        }
      }
    },
    "401": {
      "contentType": "application/json",
      "examples": {
        "UNAUTHENTICATED": {
          "status": "error",
          "code": "UNAUTHENTICATED",
          "message": "Authentication is required.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        },
        "TOKEN_EXPIRED": {
          "status": "error",
          "code": "TOKEN_EXPIRED",
          "message": "The access token has expired.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        }
      }
    },
    "403": {
      "contentType": "application/json",
      "examples": {
        "FORBIDDEN": {
          "status": "error",
          "code": "FORBIDDEN",
          "message": "You are not allowed to do this.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        }
      }
    },
    "429": {
      "contentType": "application/json",
      "examples": {
        "RATE_LIMITED": {
          "status": "error",
          "code": "RATE_LIMITED",
          "message": "Too many requests; try again later.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        }
      }
    }
  },
  "createOrder": {
    "201": {
      "contentType": "application/json",
      "examples": {
        "default": {
          "status": "success",
          "data": {
            "id": "9b2f6c1e-7a3d-4e5f-8a9b-0c1d2e3f4a5b",
            "userId": "3f1c2a4e-6b7d-4e8f-9a0b-1c2d3e4f5a6b",
            "status": "pending",
            "currency": "EUR",
            "totalCents": 25998,
            "items": [
              {
                "productId": "5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a",
                "sku": "CHAIR-0001",
                "name": "Ergonomic Steel Chair",
                "quantity": 2,
                "unitPriceCents": 12999,
                "lineTotalCents": 25998
              }
            ],
            "createdAt": "2026-11-24T10:00:00.000Z",
            "updatedAt": "2026-11-24T10:00:00.000Z"
          }
        }
      }
    },
    "400": {
      "contentType": "application/json",
      "examples": {
        "VALIDATION_ERROR": {
          "status": "error",
          "code": "VALIDATION_ERROR",
          "message": "The request is not valid.",
          "details": [
            {
              "path": "/body/items/0/quantity",
              "message": "must be <= 1000"
            }
          ],
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        },
        "INVALID_JSON": {
          "status": "error",
          "code": "INVALID_JSON",
          "message": "The request body is not valid JSON.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        },
        "DUPLICATE_PRODUCT": {
          "status": "error",
          "code": "DUPLICATE_PRODUCT",
          "message": "Each product may appear once.",
          "details": [
            {
              "path": "/body/items/1/productId",
              "message": "appears twice; add the quantities"
            }
          ],
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        },
        "UNKNOWN_PRODUCT": {
          "status": "error",
          "code": "UNKNOWN_PRODUCT",
          "message": "Some products do not exist.",
          "details": [
            {
              "path": "/body/items/0/productId",
              "message": "no such product"
            }
          ],
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        },
        "MIXED_CURRENCIES": {
          "status": "error",
          "code": "MIXED_CURRENCIES",
          "message": "All products of an order must share one currency.",
          "details": [
            {
              "path": "/body/items",
              "message": "mixes EUR, USD"
            }
          ],
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        }
      }
    },
    "401": {
      "contentType": "application/json",
      "examples": {
        "UNAUTHENTICATED": {
          "status": "error",
          "code": "UNAUTHENTICATED",
          "message": "Authentication is required.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        },
        "TOKEN_EXPIRED": {
          "status": "error",
          "code": "TOKEN_EXPIRED",
          "message": "The access token has expired.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        }
      }
    },
    "409": {
      "contentType": "application/json",
      "examples": {
        "INSUFFICIENT_STOCK": {
          "status": "error",
          "code": "INSUFFICIENT_STOCK",
          "message": "Some lines cannot be filled.",
          "details": [
            {
              "path": "/body/items/0/quantity",
              "message": "only 1 left"
            }
          ],
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        }
      }
    },
    "413": {
      "contentType": "application/json",
      "examples": {
        "PAYLOAD_TOO_LARGE": {
          "status": "error",
          "code": "PAYLOAD_TOO_LARGE",
          "message": "The request body is larger than 100 KB.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        }
      }
    },
    "415": {
      "contentType": "application/json",
      "examples": {
        "UNSUPPORTED_MEDIA_TYPE": {
          "status": "error",
          "code": "UNSUPPORTED_MEDIA_TYPE",
          "message": "The request body must be sent as application/json.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        }
      }
    },
    "422": {
      "contentType": "application/json",
      "examples": {
        "IDEMPOTENCY_KEY_REUSED": {
          "status": "error",
          "code": "IDEMPOTENCY_KEY_REUSED",
          "message": "This Idempotency-Key was used with a different request body.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        }
      }
    },
    "429": {
      "contentType": "application/json",
      "examples": {
        "RATE_LIMITED": {
          "status": "error",
          "code": "RATE_LIMITED",
          "message": "Too many requests; try again later.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        }
      }
    }
  },
  "getOrder": {
    "200": {
      "contentType": "application/json",
      "examples": {
        "default": {
          "status": "success",
          "data": {
            "id": "9b2f6c1e-7a3d-4e5f-8a9b-0c1d2e3f4a5b",
            "userId": "3f1c2a4e-6b7d-4e8f-9a0b-1c2d3e4f5a6b",
            "status": "pending",
            "currency": "EUR",
            "totalCents": 25998,
            "items": [
              {
                "productId": "5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a",
                "sku": "CHAIR-0001",
                "name": "Ergonomic Steel Chair",
                "quantity": 2,
                "unitPriceCents": 12999,
                "lineTotalCents": 25998
              }
            ],
            "createdAt": "2026-11-24T10:00:00.000Z",
            "updatedAt": "2026-11-24T10:00:00.000Z"
          }
        }
      }
    },
    "400": {
      "contentType": "application/json",
      "examples": {
        "VALIDATION_ERROR": {
          "status": "error",
          "code": "VALIDATION_ERROR",
          "message": "The request is not valid.",
          "details": [
            {
              "path": "/body/email",
              "message": "must match format \"email\""
            }
          ],
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        },
        "INVALID_JSON": {
          "status": "error",
          "code": "INVALID_JSON",
          "message": "The request body is not valid JSON.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        }
      }
    },
    "401": {
      "contentType": "application/json",
      "examples": {
        "UNAUTHENTICATED": {
          "status": "error",
          "code": "UNAUTHENTICATED",
          "message": "Authentication is required.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        },
        "TOKEN_EXPIRED": {
          "status": "error",
          "code": "TOKEN_EXPIRED",
          "message": "The access token has expired.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        }
      }
    },
    "404": {
      "contentType": "application/json",
      "examples": {
        "NOT_FOUND": {
          "status": "error",
          "code": "NOT_FOUND",
          "message": "Nothing is found at this address.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        }
      }
    },
    "429": {
      "contentType": "application/json",
      "examples": {
        "RATE_LIMITED": {
          "status": "error",
          "code": "RATE_LIMITED",
          "message": "Too many requests; try again later.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        }
      }
    }
  },
  "cancelOrder": {
    "200": {
      "contentType": "application/json",
      "examples": {
        "default": {
          "status": "success",
          "data": {
            "id": "9b2f6c1e-7a3d-4e5f-8a9b-0c1d2e3f4a5b",
            "userId": "3f1c2a4e-6b7d-4e8f-9a0b-1c2d3e4f5a6b",
            "status": "pending",
            "currency": "EUR",
            "totalCents": 25998,
            "items": [
              {
                "productId": "5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a",
                "sku": "CHAIR-0001",
                "name": "Ergonomic Steel Chair",
                "quantity": 2,
                "unitPriceCents": 12999,
                "lineTotalCents": 25998
              }
            ],
            "createdAt": "2026-11-24T10:00:00.000Z",
            "updatedAt": "2026-11-24T10:00:00.000Z"
          }
        }
      }
    },
    "400": {
      "contentType": "application/json",
      "examples": {
        "VALIDATION_ERROR": {
          "status": "error",
          "code": "VALIDATION_ERROR",
          "message": "The request is not valid.",
          "details": [
            {
              "path": "/body/email",
              "message": "must match format \"email\""
            }
          ],
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        },
        "INVALID_JSON": {
          "status": "error",
          "code": "INVALID_JSON",
          "message": "The request body is not valid JSON.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        }
      }
    },
    "401": {
      "contentType": "application/json",
      "examples": {
        "UNAUTHENTICATED": {
          "status": "error",
          "code": "UNAUTHENTICATED",
          "message": "Authentication is required.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        },
        "TOKEN_EXPIRED": {
          "status": "error",
          "code": "TOKEN_EXPIRED",
          "message": "The access token has expired.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        }
      }
    },
    "404": {
      "contentType": "application/json",
      "examples": {
        "NOT_FOUND": {
          "status": "error",
          "code": "NOT_FOUND",
          "message": "Nothing is found at this address.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        }
      }
    },
    "409": {
      "contentType": "application/json",
      "examples": {
        "INVALID_TRANSITION": {
          "status": "error",
          "code": "INVALID_TRANSITION",
          "message": "An order that is shipped cannot become cancelled.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        }
      }
    },
    "429": {
      "contentType": "application/json",
      "examples": {
        "RATE_LIMITED": {
          "status": "error",
          "code": "RATE_LIMITED",
          "message": "Too many requests; try again later.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        }
      }
    }
  },
  "updateOrderStatus": {
    "200": {
      "contentType": "application/json",
      "examples": {
        "default": {
          "status": "success",
          "data": {
            "id": "9b2f6c1e-7a3d-4e5f-8a9b-0c1d2e3f4a5b",
            "userId": "3f1c2a4e-6b7d-4e8f-9a0b-1c2d3e4f5a6b",
            "status": "pending",
            "currency": "EUR",
            "totalCents": 25998,
            "items": [
              {
                "productId": "5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a",
                "sku": "CHAIR-0001",
                "name": "Ergonomic Steel Chair",
                "quantity": 2,
                "unitPriceCents": 12999,
                "lineTotalCents": 25998
              }
            ],
            "createdAt": "2026-11-24T10:00:00.000Z",
            "updatedAt": "2026-11-24T10:00:00.000Z"
          }
        }
      }
    },
    "400": {
      "contentType": "application/json",
      "examples": {
        "VALIDATION_ERROR": {
          "status": "error",
          "code": "VALIDATION_ERROR",
          "message": "The request is not valid.",
          "details": [
            {
              "path": "/body/email",
              "message": "must match format \"email\""
            }
          ],
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        },
        "INVALID_JSON": {
          "status": "error",
          "code": "INVALID_JSON",
          "message": "The request body is not valid JSON.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        }
      }
    },
    "401": {
      "contentType": "application/json",
      "examples": {
        "UNAUTHENTICATED": {
          "status": "error",
          "code": "UNAUTHENTICATED",
          "message": "Authentication is required.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        },
        "TOKEN_EXPIRED": {
          "status": "error",
          "code": "TOKEN_EXPIRED",
          "message": "The access token has expired.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        }
      }
    },
    "403": {
      "contentType": "application/json",
      "examples": {
        "FORBIDDEN": {
          "status": "error",
          "code": "FORBIDDEN",
          "message": "You are not allowed to do this.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        }
      }
    },
    "404": {
      "contentType": "application/json",
      "examples": {
        "NOT_FOUND": {
          "status": "error",
          "code": "NOT_FOUND",
          "message": "Nothing is found at this address.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        }
      }
    },
    "409": {
      "contentType": "application/json",
      "examples": {
        "INVALID_TRANSITION": {
          "status": "error",
          "code": "INVALID_TRANSITION",
          "message": "An order that is shipped cannot become cancelled.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        }
      }
    },
    "413": {
      "contentType": "application/json",
      "examples": {
        "PAYLOAD_TOO_LARGE": {
          "status": "error",
          "code": "PAYLOAD_TOO_LARGE",
          "message": "The request body is larger than 100 KB.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        }
      }
    },
    "415": {
      "contentType": "application/json",
      "examples": {
        "UNSUPPORTED_MEDIA_TYPE": {
          "status": "error",
          "code": "UNSUPPORTED_MEDIA_TYPE",
          "message": "The request body must be sent as application/json.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        }
      }
    },
    "429": {
      "contentType": "application/json",
      "examples": {
        "RATE_LIMITED": {
          "status": "error",
          "code": "RATE_LIMITED",
          "message": "Too many requests; try again later.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        }
      }
    }
  },
  "getHealth": {
    "200": {
      "contentType": "application/json",
      "examples": {
        "default": {
          "status": "success",
          "data": {
            "status": "ok",
            "uptimeSeconds": 42.5
          }
        }
      }
    },
    "400": {
      "contentType": "application/json",
      "examples": {
        "VALIDATION_ERROR": {
          "status": "error",
          "code": "VALIDATION_ERROR",
          "message": "The request is not valid.",
          "details": [
            {
              "path": "/body/email",
              "message": "must match format \"email\""
            }
          ],
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        },
        "INVALID_JSON": {
          "status": "error",
          "code": "INVALID_JSON",
          "message": "The request body is not valid JSON.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        }
      }
    }
  },
  "getReadiness": {
    "200": {
      "contentType": "application/json",
      "examples": {
        "default": {
          "status": "success",
          "data": {
            "status": "ready",
            "checks": {
              "database": "up"
            }
          }
        }
      }
    },
    "400": {
      "contentType": "application/json",
      "examples": {
        "VALIDATION_ERROR": {
          "status": "error",
          "code": "VALIDATION_ERROR",
          "message": "The request is not valid.",
          "details": [
            {
              "path": "/body/email",
              "message": "must match format \"email\""
            }
          ],
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        },
        "INVALID_JSON": {
          "status": "error",
          "code": "INVALID_JSON",
          "message": "The request body is not valid JSON.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        }
      }
    },
    "503": {
      "contentType": "application/json",
      "examples": {
        "SERVICE_UNAVAILABLE": {
          "status": "error",
          "code": "SERVICE_UNAVAILABLE",
          "message": "The service cannot answer right now; try again shortly.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        }
      }
    }
  },
  "getOpenApiJson": {
    "200": {
      "contentType": "application/json",
      "examples": {
        "default": {
          "openapi": "3.1.0",
          "info": {
            "title": "Contract-first Monolith API",
            "version": "0.1.0"
          },
          "paths": {}
        }
      }
    },
    "400": {
      "contentType": "application/json",
      "examples": {
        "VALIDATION_ERROR": {
          "status": "error",
          "code": "VALIDATION_ERROR",
          "message": "The request is not valid.",
          "details": [
            {
              "path": "/body/email",
              "message": "must match format \"email\""
            }
          ],
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        },
        "INVALID_JSON": {
          "status": "error",
          "code": "INVALID_JSON",
          "message": "The request body is not valid JSON.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        }
      }
    }
  },
  "getOpenApiYaml": {
    "200": {
      "contentType": "application/yaml",
      "examples": {
        "default": "openapi: 3.1.0\ninfo:\n  title: Contract-first Monolith API\n"
      }
    },
    "400": {
      "contentType": "application/json",
      "examples": {
        "VALIDATION_ERROR": {
          "status": "error",
          "code": "VALIDATION_ERROR",
          "message": "The request is not valid.",
          "details": [
            {
              "path": "/body/email",
              "message": "must match format \"email\""
            }
          ],
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        },
        "INVALID_JSON": {
          "status": "error",
          "code": "INVALID_JSON",
          "message": "The request body is not valid JSON.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        }
      }
    }
  },
  "getDocs": {
    "200": {
      "contentType": "text/html",
      "examples": {
        "default": "<!DOCTYPE html><html><head><title>API reference</title></head><body>…</body></html>"
      }
    },
    "400": {
      "contentType": "application/json",
      "examples": {
        "VALIDATION_ERROR": {
          "status": "error",
          "code": "VALIDATION_ERROR",
          "message": "The request is not valid.",
          "details": [
            {
              "path": "/body/email",
              "message": "must match format \"email\""
            }
          ],
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        },
        "INVALID_JSON": {
          "status": "error",
          "code": "INVALID_JSON",
          "message": "The request body is not valid JSON.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        }
      }
    }
  },
  "getMetrics": {
    "200": {
      "contentType": "text/plain",
      "examples": {
        "default": "# HELP http_request_duration_seconds HTTP requests by method, route template of the contract, and status\n# TYPE http_request_duration_seconds histogram\nhttp_request_duration_seconds_bucket{le=\"0.005\",method=\"GET\",route=\"/api/v1/products\",status=\"200\"} 12\n"
      }
    },
    "400": {
      "contentType": "application/json",
      "examples": {
        "VALIDATION_ERROR": {
          "status": "error",
          "code": "VALIDATION_ERROR",
          "message": "The request is not valid.",
          "details": [
            {
              "path": "/body/email",
              "message": "must match format \"email\""
            }
          ],
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        },
        "INVALID_JSON": {
          "status": "error",
          "code": "INVALID_JSON",
          "message": "The request body is not valid JSON.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        }
      }
    },
    "401": {
      "contentType": "application/json",
      "examples": {
        "UNAUTHENTICATED": {
          "status": "error",
          "code": "UNAUTHENTICATED",
          "message": "Authentication is required.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        },
        "TOKEN_EXPIRED": {
          "status": "error",
          "code": "TOKEN_EXPIRED",
          "message": "The access token has expired.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        }
      }
    },
    "404": {
      "contentType": "application/json",
      "examples": {
        "NOT_FOUND": {
          "status": "error",
          "code": "NOT_FOUND",
          "message": "Nothing is found at this address.",
          "requestId": "0b5f4c8e-8d1c-4f1e-9d7a-3c2b1a0f9e8d"
        }
      }
    }
  }
} as const;
