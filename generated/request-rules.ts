// Generated from openapi/senders.yaml by scripts/request-rules.mjs.
// Do not edit by hand: change the spec and run `npm run generate`.

// The request side of the spec (parameters and bodies), for validation before a request is sent.
export const requestRules = {
  "server": "https://messaging.twilio.com",
  "regionalServer": "https://messaging.{edge}.{region}.twilio.com",
  "operations": {
    "listSenders": {
      "query": {
        "Channel": {
          "required": true,
          "schema": {
            "type": "string",
            "enum": [
              "whatsapp"
            ]
          }
        },
        "PageSize": {
          "schema": {
            "type": "integer",
            "minimum": 1,
            "maximum": 1000,
            "default": 20
          }
        },
        "Page": {
          "schema": {
            "type": "integer",
            "minimum": 0
          }
        },
        "PageToken": {
          "schema": {
            "type": "string",
            "minLength": 1
          }
        }
      }
    },
    "createSender": {
      "body": {
        "required": true,
        "schema": {
          "$ref": "SenderCreate"
        }
      }
    },
    "fetchSender": {
      "path": {
        "Sid": {
          "required": true,
          "schema": {
            "$ref": "SenderSid"
          }
        }
      }
    },
    "updateSender": {
      "path": {
        "Sid": {
          "required": true,
          "schema": {
            "$ref": "SenderSid"
          }
        }
      },
      "body": {
        "schema": {
          "$ref": "SenderUpdate"
        }
      }
    },
    "deleteSender": {
      "path": {
        "Sid": {
          "required": true,
          "schema": {
            "$ref": "SenderSid"
          }
        }
      }
    }
  },
  "schemas": {
    "SenderCreate": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "sender_id",
        "profile"
      ],
      "properties": {
        "sender_id": {
          "$ref": "SenderId"
        },
        "friendly_name": {
          "$ref": "FriendlyName"
        },
        "configuration": {
          "anyOf": [
            {
              "$ref": "ConfigurationInput"
            },
            {
              "type": "null"
            }
          ]
        },
        "webhook": {
          "anyOf": [
            {
              "$ref": "WebhookInput"
            },
            {
              "type": "null"
            }
          ]
        },
        "profile": {
          "$ref": "ProfileCreateInput"
        }
      }
    },
    "SenderId": {
      "x-pattern-description": "`whatsapp:` followed by an E.164 number",
      "examples": [
        "whatsapp:+15017122661"
      ],
      "type": "string",
      "pattern": "^whatsapp:\\+[1-9][0-9]{1,14}$",
      "minLength": 11
    },
    "FriendlyName": {
      "type": [
        "string",
        "null"
      ]
    },
    "ConfigurationInput": {
      "type": "object",
      "additionalProperties": false,
      "properties": {
        "waba_id": {
          "type": [
            "string",
            "null"
          ]
        },
        "verification_method": {
          "anyOf": [
            {
              "$ref": "VerificationMethod"
            },
            {
              "type": "null"
            }
          ]
        },
        "verification_code": {
          "type": [
            "string",
            "null"
          ]
        },
        "voice_application_sid": {
          "anyOf": [
            {
              "$ref": "VoiceApplicationSid"
            },
            {
              "type": "null"
            }
          ]
        },
        "account_type": {
          "anyOf": [
            {
              "$ref": "AccountType"
            },
            {
              "type": "null"
            }
          ]
        }
      }
    },
    "VerificationMethod": {
      "type": "string",
      "enum": [
        "sms",
        "voice"
      ]
    },
    "VoiceApplicationSid": {
      "x-pattern-description": "`AP` followed by 32 hex digits",
      "examples": [
        "AP165ba58cb26a5d6cefe59eef26064879"
      ],
      "type": "string",
      "pattern": "^AP[0-9a-fA-F]{32}$"
    },
    "AccountType": {
      "type": "string",
      "enum": [
        "ISV",
        "ISVSubAccount",
        ""
      ]
    },
    "WebhookInput": {
      "type": "object",
      "additionalProperties": false,
      "properties": {
        "callback_url": {
          "$ref": "NullableHttpUrl"
        },
        "callback_method": {
          "anyOf": [
            {
              "$ref": "WebhookMethod"
            },
            {
              "type": "null"
            }
          ]
        },
        "fallback_url": {
          "$ref": "NullableHttpUrl"
        },
        "fallback_method": {
          "anyOf": [
            {
              "$ref": "WebhookMethod"
            },
            {
              "type": "null"
            }
          ]
        },
        "status_callback_url": {
          "$ref": "NullableHttpUrl"
        },
        "status_callback_method": {
          "type": [
            "string",
            "null"
          ]
        }
      }
    },
    "NullableHttpUrl": {
      "anyOf": [
        {
          "$ref": "HttpUrl"
        },
        {
          "type": "null"
        }
      ]
    },
    "HttpUrl": {
      "x-pattern-description": "an absolute http or https URL",
      "examples": [
        "https://example.com/whatsapp/inbound"
      ],
      "type": "string",
      "minLength": 8,
      "pattern": "^[Hh][Tt][Tt][Pp][Ss]?://[^\\s/?#\\x00-\\x1f\\x7f]+([/?#][^\\s\\x00-\\x1f\\x7f]*)?$"
    },
    "WebhookMethod": {
      "type": "string",
      "enum": [
        "POST",
        "PUT"
      ]
    },
    "ProfileCreateInput": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "name"
      ],
      "properties": {
        "name": {
          "$ref": "DisplayName"
        },
        "about": {
          "$ref": "NullableString"
        },
        "address": {
          "$ref": "NullableString"
        },
        "description": {
          "$ref": "NullableString"
        },
        "vertical": {
          "$ref": "VerticalInput"
        },
        "logo_url": {
          "$ref": "NullableHttpUrl"
        },
        "banner_url": {
          "$ref": "NullableHttpUrl"
        },
        "privacy_url": {
          "$ref": "NullableHttpUrl"
        },
        "terms_of_service_url": {
          "$ref": "NullableHttpUrl"
        },
        "accent_color": {
          "$ref": "AccentColorInput"
        },
        "use_case": {
          "$ref": "UseCaseInput"
        },
        "emails": {
          "$ref": "EmailsInput"
        },
        "websites": {
          "$ref": "WebsitesInput"
        },
        "phone_numbers": {
          "$ref": "PhoneNumbersInput"
        }
      }
    },
    "DisplayName": {
      "type": "string",
      "minLength": 1,
      "maxLength": 255
    },
    "NullableString": {
      "type": [
        "string",
        "null"
      ]
    },
    "VerticalInput": {
      "anyOf": [
        {
          "$ref": "Vertical"
        },
        {
          "type": "null"
        }
      ]
    },
    "Vertical": {
      "type": "string"
    },
    "AccentColorInput": {
      "type": [
        "string",
        "null"
      ]
    },
    "UseCaseInput": {
      "anyOf": [
        {
          "$ref": "UseCase"
        },
        {
          "type": "null"
        }
      ]
    },
    "UseCase": {
      "type": "string",
      "enum": [
        "PROMOTIONAL",
        "TRANSACTIONAL",
        "OTP",
        "MULTI_USE"
      ]
    },
    "EmailsInput": {
      "anyOf": [
        {
          "type": "string"
        },
        {
          "type": "array",
          "items": {
            "anyOf": [
              {
                "type": "string"
              },
              {
                "$ref": "ProfileEmailInput"
              }
            ]
          }
        },
        {
          "type": "null"
        }
      ]
    },
    "ProfileEmailInput": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "email"
      ],
      "properties": {
        "email": {
          "type": "string",
          "minLength": 1
        },
        "label": {
          "$ref": "NullableString"
        }
      }
    },
    "WebsitesInput": {
      "anyOf": [
        {
          "$ref": "HttpUrl"
        },
        {
          "type": "array",
          "items": {
            "anyOf": [
              {
                "$ref": "HttpUrl"
              },
              {
                "$ref": "ProfileWebsiteInput"
              }
            ]
          }
        },
        {
          "type": "null"
        }
      ]
    },
    "ProfileWebsiteInput": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "website"
      ],
      "properties": {
        "website": {
          "$ref": "HttpUrl"
        },
        "label": {
          "$ref": "NullableString"
        }
      }
    },
    "PhoneNumbersInput": {
      "anyOf": [
        {
          "type": "string"
        },
        {
          "type": "array",
          "items": {
            "anyOf": [
              {
                "type": "string"
              },
              {
                "$ref": "ProfilePhoneNumberInput"
              }
            ]
          }
        },
        {
          "type": "null"
        }
      ]
    },
    "ProfilePhoneNumberInput": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "phone_number"
      ],
      "properties": {
        "phone_number": {
          "type": "string",
          "minLength": 1
        },
        "label": {
          "$ref": "NullableString"
        }
      }
    },
    "SenderSid": {
      "x-pattern-description": "`XE` followed by 32 hex digits",
      "examples": [
        "XEa3da528ac8b58bb8cd5e44e051b5964e"
      ],
      "type": "string",
      "pattern": "^XE[0-9a-fA-F]{32}$",
      "minLength": 34,
      "maxLength": 34
    },
    "SenderUpdate": {
      "type": "object",
      "additionalProperties": false,
      "properties": {
        "friendly_name": {
          "$ref": "FriendlyName"
        },
        "configuration": {
          "anyOf": [
            {
              "$ref": "ConfigurationInput"
            },
            {
              "type": "null"
            }
          ]
        },
        "webhook": {
          "anyOf": [
            {
              "$ref": "WebhookInput"
            },
            {
              "type": "null"
            }
          ]
        },
        "profile": {
          "anyOf": [
            {
              "$ref": "ProfileInput"
            },
            {
              "type": "null"
            }
          ]
        }
      }
    },
    "ProfileInput": {
      "type": "object",
      "additionalProperties": false,
      "properties": {
        "name": {
          "anyOf": [
            {
              "$ref": "DisplayName"
            },
            {
              "type": "null"
            }
          ]
        },
        "about": {
          "$ref": "NullableString"
        },
        "address": {
          "$ref": "NullableString"
        },
        "description": {
          "$ref": "NullableString"
        },
        "vertical": {
          "$ref": "VerticalInput"
        },
        "logo_url": {
          "$ref": "NullableHttpUrl"
        },
        "banner_url": {
          "$ref": "NullableHttpUrl"
        },
        "privacy_url": {
          "$ref": "NullableHttpUrl"
        },
        "terms_of_service_url": {
          "$ref": "NullableHttpUrl"
        },
        "accent_color": {
          "$ref": "AccentColorInput"
        },
        "use_case": {
          "$ref": "UseCaseInput"
        },
        "emails": {
          "$ref": "EmailsInput"
        },
        "websites": {
          "$ref": "WebsitesInput"
        },
        "phone_numbers": {
          "$ref": "PhoneNumbersInput"
        }
      }
    }
  }
} as const;
