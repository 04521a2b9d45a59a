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
            "default": 50
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
        "required": true,
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
        "sender_id"
      ],
      "properties": {
        "sender_id": {
          "$ref": "SenderId"
        },
        "configuration": {
          "$ref": "ConfigurationInput"
        },
        "webhook": {
          "$ref": "WebhookInput"
        },
        "profile": {
          "$ref": "ProfileInput"
        }
      }
    },
    "SenderId": {
      "type": "string",
      "pattern": "^whatsapp:\\+[1-9][0-9]{1,14}$",
      "minLength": 12,
      "maxLength": 25
    },
    "ConfigurationInput": {
      "type": "object",
      "additionalProperties": false,
      "properties": {
        "waba_id": {
          "$ref": "WabaId"
        },
        "verification_method": {
          "$ref": "VerificationMethod"
        },
        "verification_code": {
          "$ref": "VerificationCode"
        },
        "voice_application_sid": {
          "$ref": "VoiceApplicationSid"
        }
      }
    },
    "WabaId": {
      "type": "string",
      "pattern": "^[0-9]+$",
      "minLength": 1,
      "maxLength": 32
    },
    "VerificationMethod": {
      "type": "string",
      "enum": [
        "sms",
        "voice"
      ]
    },
    "VerificationCode": {
      "type": "string",
      "pattern": "^[0-9]+$",
      "minLength": 1,
      "maxLength": 16
    },
    "VoiceApplicationSid": {
      "type": "string",
      "pattern": "^AP[0-9a-fA-F]{32}$",
      "minLength": 34,
      "maxLength": 34
    },
    "WebhookInput": {
      "type": "object",
      "additionalProperties": false,
      "properties": {
        "callback_url": {
          "$ref": "HttpUrl"
        },
        "callback_method": {
          "$ref": "WebhookMethod"
        },
        "fallback_url": {
          "$ref": "HttpUrl"
        },
        "fallback_method": {
          "$ref": "WebhookMethod"
        },
        "status_callback_url": {
          "$ref": "HttpUrl"
        },
        "status_callback_method": {
          "$ref": "WebhookMethod"
        }
      }
    },
    "HttpUrl": {
      "type": "string",
      "format": "uri",
      "pattern": "^https?://([A-Za-z0-9._~!$&'()*+,;=-]|%[0-9A-Fa-f]{2})+(:[0-9]{1,5})?(/([A-Za-z0-9._~!$&'()*+,;=:@-]|%[0-9A-Fa-f]{2})*)*(\\?([A-Za-z0-9._~!$&'()*+,;=:@/?-]|%[0-9A-Fa-f]{2})*)?(#([A-Za-z0-9._~!$&'()*+,;=:@/?-]|%[0-9A-Fa-f]{2})*)?$",
      "minLength": 8,
      "maxLength": 2048
    },
    "WebhookMethod": {
      "type": "string",
      "enum": [
        "POST",
        "PUT"
      ]
    },
    "ProfileInput": {
      "type": "object",
      "additionalProperties": false,
      "properties": {
        "name": {
          "type": "string",
          "minLength": 1,
          "maxLength": 256
        },
        "about": {
          "$ref": "ProfileText"
        },
        "address": {
          "$ref": "ProfileText"
        },
        "description": {
          "$ref": "ProfileText"
        },
        "vertical": {
          "$ref": "Vertical"
        },
        "logo_url": {
          "$ref": "HttpUrl"
        },
        "banner_url": {
          "$ref": "HttpUrl"
        },
        "privacy_url": {
          "$ref": "HttpUrl"
        },
        "terms_of_service_url": {
          "$ref": "HttpUrl"
        },
        "accent_color": {
          "type": "string",
          "pattern": "^#[0-9a-fA-F]{6}$"
        },
        "emails": {
          "anyOf": [
            {
              "$ref": "EmailAddress"
            },
            {
              "type": "array",
              "minItems": 1,
              "items": {
                "anyOf": [
                  {
                    "$ref": "EmailAddress"
                  },
                  {
                    "$ref": "ProfileEmailInput"
                  }
                ]
              }
            }
          ]
        },
        "websites": {
          "anyOf": [
            {
              "$ref": "HttpUrl"
            },
            {
              "type": "array",
              "minItems": 1,
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
            }
          ]
        },
        "phone_numbers": {
          "anyOf": [
            {
              "$ref": "E164"
            },
            {
              "type": "array",
              "minItems": 1,
              "items": {
                "anyOf": [
                  {
                    "$ref": "E164"
                  },
                  {
                    "$ref": "ProfilePhoneNumberInput"
                  }
                ]
              }
            }
          ]
        }
      }
    },
    "ProfileText": {
      "type": "string",
      "maxLength": 1024
    },
    "Vertical": {
      "type": "string",
      "enum": [
        "Alcohol",
        "Automotive",
        "Beauty, Spa and Salon",
        "Clothing and Apparel",
        "Education",
        "Entertainment",
        "Event Planning and Service",
        "Finance and Banking",
        "Food and Grocery",
        "Hotel and Lodging",
        "Matrimony Service",
        "Medical and Health",
        "Non-profit",
        "Online Gambling",
        "OTC Drugs",
        "Other",
        "Physical Gambling",
        "Professional Services",
        "Public Service",
        "Restaurant",
        "Shopping and Retail",
        "Travel and Transportation"
      ]
    },
    "EmailAddress": {
      "type": "string",
      "format": "email",
      "minLength": 3,
      "maxLength": 254
    },
    "ProfileEmailInput": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "email"
      ],
      "properties": {
        "email": {
          "$ref": "EmailAddress"
        },
        "label": {
          "$ref": "Label"
        }
      }
    },
    "Label": {
      "type": "string",
      "minLength": 1,
      "maxLength": 64
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
          "$ref": "Label"
        }
      }
    },
    "E164": {
      "type": "string",
      "pattern": "^\\+[1-9][0-9]{1,14}$",
      "minLength": 3,
      "maxLength": 16
    },
    "ProfilePhoneNumberInput": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "phone_number"
      ],
      "properties": {
        "phone_number": {
          "$ref": "E164"
        },
        "label": {
          "$ref": "Label"
        }
      }
    },
    "SenderSid": {
      "type": "string",
      "pattern": "^XE[0-9a-fA-F]{32}$",
      "minLength": 34,
      "maxLength": 34
    },
    "SenderUpdate": {
      "type": "object",
      "additionalProperties": false,
      "properties": {
        "configuration": {
          "$ref": "ConfigurationInput"
        },
        "webhook": {
          "$ref": "WebhookInput"
        },
        "profile": {
          "$ref": "ProfileInput"
        }
      }
    }
  }
} as const;

// Every status a sender can have, for tools that offer them as choices (the CLI).
export const senderStatuses = ["CREATING","ONLINE","OFFLINE","PENDING_VERIFICATION","VERIFYING","ONLINE:UPDATING","TWILIO_REVIEW","DRAFT","STUBBED"] as const;
