// Generated from openapi/senders.yaml by openapi-typescript 7.13.0.
// Do not edit by hand: change the spec and run `npm run generate`.

export interface paths {
    "/v2/Channels/Senders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List senders
         * @description Returns one page of the account's senders on a channel. To read the
         *     next page, request `meta.next_page_url` exactly as given; it is
         *     `null` on the last page.
         */
        get: operations["listSenders"];
        put?: never;
        /**
         * Create a sender
         * @description Registers a WhatsApp number as a sender. The service accepts the
         *     request and answers at once with the sender in `CREATING`; the
         *     registration with WhatsApp goes on in the background. Sending the
         *     same request twice may register the number twice, so a client must
         *     not repeat it after an unclear failure.
         */
        post: operations["createSender"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/Channels/Senders/{Sid}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The SID of the sender. */
                Sid: components["parameters"]["Sid"];
            };
            cookie?: never;
        };
        /**
         * Fetch a sender
         * @description Returns one sender with its current status.
         */
        get: operations["fetchSender"];
        put?: never;
        /**
         * Update a sender
         * @description Changes a sender's configuration, webhook or profile. Sending
         *     `configuration.verification_code` with the one-time password that
         *     reached the number moves a `PENDING_VERIFICATION` sender on to
         *     `VERIFYING`. A profile or webhook change on an online sender shows
         *     `ONLINE:UPDATING` until WhatsApp has applied it. This is a POST, not
         *     a PATCH: only the keys sent are changed.
         */
        post: operations["updateSender"];
        /**
         * Delete a sender
         * @description Removes the sender from the account. Fetching it afterwards answers
         *     404.
         */
        delete: operations["deleteSender"];
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
         * @description The SID of a sender, `XE` and 32 hex digits.
         * @example XEa3da528ac8b58bb8cd5e44e051b5964e
         */
        SenderSid: string;
        /**
         * @description The channel-prefixed address, `whatsapp:` and an E.164 number.
         * @example whatsapp:+15017122661
         */
        SenderId: string;
        /**
         * @description Where the sender is in its life. New statuses may appear; a client
         *     should treat one it does not know as "not online yet".
         * @example ONLINE
         * @enum {string}
         */
        SenderStatus: "CREATING" | "ONLINE" | "OFFLINE" | "PENDING_VERIFICATION" | "VERIFYING" | "ONLINE:UPDATING" | "TWILIO_REVIEW" | "DRAFT" | "STUBBED";
        /**
         * @description A phone number in E.164 form.
         * @example +15017122661
         */
        E164: string;
        /**
         * Format: uri
         * @description An absolute http or https URL, written in ASCII: a host (a registered
         *     name or an IPv4 address), an optional port, then path, query and fragment made of
         *     URI characters and %-escapes (RFC 3986). Non-ASCII characters are
         *     %-encoded, as a browser sends them. The pattern alone implies
         *     `format: uri`, so every validator agrees on it.
         * @example https://example.com/whatsapp/inbound
         */
        HttpUrl: string;
        /**
         * Format: email
         * @example support@example.com
         */
        EmailAddress: string;
        /**
         * @description The id of the WhatsApp Business Account, a string of digits.
         * @example 1234567890
         */
        WabaId: string;
        /**
         * @description How the one-time password reaches the number.
         * @example sms
         * @enum {string}
         */
        VerificationMethod: "sms" | "voice";
        /**
         * @description The one-time password that reached the number, digits only.
         * @example 123456
         */
        VerificationCode: string;
        /**
         * @description The SID of the TwiML application that answers voice calls to the number, `AP` and 32 hex digits.
         * @example AP165ba58cb26a5d6cefe59eef26064879
         */
        VoiceApplicationSid: string;
        /**
         * @description The HTTP method Twilio uses to call the webhook.
         * @example POST
         * @enum {string}
         */
        WebhookMethod: "POST" | "PUT";
        /**
         * @description The business category shown on the WhatsApp profile.
         * @example Automotive
         * @enum {string}
         */
        Vertical: "Alcohol" | "Automotive" | "Beauty, Spa and Salon" | "Clothing and Apparel" | "Education" | "Entertainment" | "Event Planning and Service" | "Finance and Banking" | "Food and Grocery" | "Hotel and Lodging" | "Matrimony Service" | "Medical and Health" | "Non-profit" | "Online Gambling" | "OTC Drugs" | "Other" | "Physical Gambling" | "Professional Services" | "Public Service" | "Restaurant" | "Shopping and Retail" | "Travel and Transportation";
        /**
         * @description A label shown beside a profile entry.
         * @example Support
         */
        Label: string;
        /**
         * @description Free text on the WhatsApp profile.
         * @example Cars and parts since 1998.
         */
        ProfileText: string;
        /** @description The body of a create request. */
        SenderCreate: {
            /** @description The channel-prefixed address, `whatsapp:` and an E.164 number. */
            sender_id: components["schemas"]["SenderId"];
            /** @description How the sender is registered and verified. */
            configuration?: components["schemas"]["ConfigurationInput"];
            /** @description Where Twilio sends inbound messages and status callbacks for this sender. */
            webhook?: components["schemas"]["WebhookInput"];
            /**
             * @description The WhatsApp business profile. `name` is the display name, which
             *     WhatsApp requires before the sender can go online. `emails`,
             *     `websites` and `phone_numbers` take the labelled object lists, or the
             *     short forms: a single value, or a list of plain values.
             */
            profile?: components["schemas"]["ProfileInput"];
        };
        /** @description The body of an update request; only the keys sent are changed. */
        SenderUpdate: {
            /** @description How the sender is registered and verified. */
            configuration?: components["schemas"]["ConfigurationInput"];
            /** @description Where Twilio sends inbound messages and status callbacks for this sender. */
            webhook?: components["schemas"]["WebhookInput"];
            /**
             * @description The WhatsApp business profile. `name` is the display name, which
             *     WhatsApp requires before the sender can go online. `emails`,
             *     `websites` and `phone_numbers` take the labelled object lists, or the
             *     short forms: a single value, or a list of plain values.
             */
            profile?: components["schemas"]["ProfileInput"];
        };
        /** @description How the sender is registered and verified. */
        ConfigurationInput: {
            /** @description The id of the WhatsApp Business Account, a string of digits. */
            waba_id?: components["schemas"]["WabaId"];
            /** @description How the one-time password reaches the number. */
            verification_method?: components["schemas"]["VerificationMethod"];
            /** @description The one-time password that reached the number, digits only. */
            verification_code?: components["schemas"]["VerificationCode"];
            /** @description The SID of the TwiML application that answers voice calls to the number, `AP` and 32 hex digits. */
            voice_application_sid?: components["schemas"]["VoiceApplicationSid"];
        };
        /** @description Where Twilio sends inbound messages and status callbacks for this sender. */
        WebhookInput: {
            /**
             * @description An absolute http or https URL, written in ASCII: a host (a registered
             *     name or an IPv4 address), an optional port, then path, query and fragment made of
             *     URI characters and %-escapes (RFC 3986). Non-ASCII characters are
             *     %-encoded, as a browser sends them. The pattern alone implies
             *     `format: uri`, so every validator agrees on it.
             */
            callback_url?: components["schemas"]["HttpUrl"];
            /** @description The HTTP method Twilio uses to call the webhook. */
            callback_method?: components["schemas"]["WebhookMethod"];
            /**
             * @description An absolute http or https URL, written in ASCII: a host (a registered
             *     name or an IPv4 address), an optional port, then path, query and fragment made of
             *     URI characters and %-escapes (RFC 3986). Non-ASCII characters are
             *     %-encoded, as a browser sends them. The pattern alone implies
             *     `format: uri`, so every validator agrees on it.
             */
            fallback_url?: components["schemas"]["HttpUrl"];
            /** @description The HTTP method Twilio uses to call the webhook. */
            fallback_method?: components["schemas"]["WebhookMethod"];
            /**
             * @description An absolute http or https URL, written in ASCII: a host (a registered
             *     name or an IPv4 address), an optional port, then path, query and fragment made of
             *     URI characters and %-escapes (RFC 3986). Non-ASCII characters are
             *     %-encoded, as a browser sends them. The pattern alone implies
             *     `format: uri`, so every validator agrees on it.
             */
            status_callback_url?: components["schemas"]["HttpUrl"];
            /** @description The HTTP method Twilio uses to call the webhook. */
            status_callback_method?: components["schemas"]["WebhookMethod"];
        };
        /**
         * @description The WhatsApp business profile. `name` is the display name, which
         *     WhatsApp requires before the sender can go online. `emails`,
         *     `websites` and `phone_numbers` take the labelled object lists, or the
         *     short forms: a single value, or a list of plain values.
         */
        ProfileInput: {
            /**
             * @description The display name shown in WhatsApp.
             * @example Example Motors
             */
            name?: string;
            /** @description Free text on the WhatsApp profile. */
            about?: components["schemas"]["ProfileText"];
            /** @description Free text on the WhatsApp profile. */
            address?: components["schemas"]["ProfileText"];
            /** @description Free text on the WhatsApp profile. */
            description?: components["schemas"]["ProfileText"];
            /** @description The business category shown on the WhatsApp profile. */
            vertical?: components["schemas"]["Vertical"];
            /**
             * @description An absolute http or https URL, written in ASCII: a host (a registered
             *     name or an IPv4 address), an optional port, then path, query and fragment made of
             *     URI characters and %-escapes (RFC 3986). Non-ASCII characters are
             *     %-encoded, as a browser sends them. The pattern alone implies
             *     `format: uri`, so every validator agrees on it.
             */
            logo_url?: components["schemas"]["HttpUrl"];
            /**
             * @description An absolute http or https URL, written in ASCII: a host (a registered
             *     name or an IPv4 address), an optional port, then path, query and fragment made of
             *     URI characters and %-escapes (RFC 3986). Non-ASCII characters are
             *     %-encoded, as a browser sends them. The pattern alone implies
             *     `format: uri`, so every validator agrees on it.
             */
            banner_url?: components["schemas"]["HttpUrl"];
            /**
             * @description An absolute http or https URL, written in ASCII: a host (a registered
             *     name or an IPv4 address), an optional port, then path, query and fragment made of
             *     URI characters and %-escapes (RFC 3986). Non-ASCII characters are
             *     %-encoded, as a browser sends them. The pattern alone implies
             *     `format: uri`, so every validator agrees on it.
             */
            privacy_url?: components["schemas"]["HttpUrl"];
            /**
             * @description An absolute http or https URL, written in ASCII: a host (a registered
             *     name or an IPv4 address), an optional port, then path, query and fragment made of
             *     URI characters and %-escapes (RFC 3986). Non-ASCII characters are
             *     %-encoded, as a browser sends them. The pattern alone implies
             *     `format: uri`, so every validator agrees on it.
             */
            terms_of_service_url?: components["schemas"]["HttpUrl"];
            /**
             * @description The profile's accent colour, as `#rrggbb`.
             * @example #1a7f37
             */
            accent_color?: string;
            emails?: components["schemas"]["EmailAddress"] | (components["schemas"]["EmailAddress"] | components["schemas"]["ProfileEmailInput"])[];
            websites?: components["schemas"]["HttpUrl"] | (components["schemas"]["HttpUrl"] | components["schemas"]["ProfileWebsiteInput"])[];
            phone_numbers?: components["schemas"]["E164"] | (components["schemas"]["E164"] | components["schemas"]["ProfilePhoneNumberInput"])[];
        };
        ProfileEmailInput: {
            email: components["schemas"]["EmailAddress"];
            /** @description A label shown beside a profile entry. */
            label?: components["schemas"]["Label"];
        };
        ProfileWebsiteInput: {
            /**
             * @description An absolute http or https URL, written in ASCII: a host (a registered
             *     name or an IPv4 address), an optional port, then path, query and fragment made of
             *     URI characters and %-escapes (RFC 3986). Non-ASCII characters are
             *     %-encoded, as a browser sends them. The pattern alone implies
             *     `format: uri`, so every validator agrees on it.
             */
            website: components["schemas"]["HttpUrl"];
            /** @description A label shown beside a profile entry. */
            label?: components["schemas"]["Label"];
        };
        ProfilePhoneNumberInput: {
            /** @description A phone number in E.164 form. */
            phone_number: components["schemas"]["E164"];
            /** @description A label shown beside a profile entry. */
            label?: components["schemas"]["Label"];
        };
        /** @description A sender as the service returns it. Most fields can be null. */
        Sender: {
            /** @description The SID of a sender, `XE` and 32 hex digits. */
            sid: components["schemas"]["SenderSid"];
            /**
             * @description Where the sender is in its life. New statuses may appear; a client
             *     should treat one it does not know as "not online yet".
             */
            status: components["schemas"]["SenderStatus"];
            /** @description The channel-prefixed address, `whatsapp:` and an E.164 number. */
            sender_id: components["schemas"]["SenderId"];
            /** @description How the sender was registered. `verification_code` is never echoed. */
            configuration?: components["schemas"]["Configuration"] | null;
            /** @description The sender's webhooks. */
            webhook?: components["schemas"]["Webhook"] | null;
            /** @description The WhatsApp business profile as the service holds it. */
            profile?: components["schemas"]["Profile"] | null;
            /** @description What WhatsApp reports about the number. */
            properties?: components["schemas"]["Properties"] | null;
            /** @description Why the sender is offline; null unless its status is `OFFLINE`. */
            offline_reasons?: components["schemas"]["OfflineReason"][] | null;
            /**
             * @description An absolute http or https URL, written in ASCII: a host (a registered
             *     name or an IPv4 address), an optional port, then path, query and fragment made of
             *     URI characters and %-escapes (RFC 3986). Non-ASCII characters are
             *     %-encoded, as a browser sends them. The pattern alone implies
             *     `format: uri`, so every validator agrees on it.
             */
            url?: components["schemas"]["HttpUrl"];
        };
        /** @description How the sender was registered. `verification_code` is never echoed. */
        Configuration: {
            /** @description The id of the WhatsApp Business Account, a string of digits. */
            waba_id?: components["schemas"]["WabaId"] | null;
            /** @description How the one-time password reaches the number. */
            verification_method?: components["schemas"]["VerificationMethod"] | null;
            /** @example null */
            verification_code?: null;
            /** @description The SID of the TwiML application that answers voice calls to the number, `AP` and 32 hex digits. */
            voice_application_sid?: components["schemas"]["VoiceApplicationSid"] | null;
        };
        /** @description The sender's webhooks. */
        Webhook: {
            /**
             * @description An absolute http or https URL, written in ASCII: a host (a registered
             *     name or an IPv4 address), an optional port, then path, query and fragment made of
             *     URI characters and %-escapes (RFC 3986). Non-ASCII characters are
             *     %-encoded, as a browser sends them. The pattern alone implies
             *     `format: uri`, so every validator agrees on it.
             */
            callback_url?: components["schemas"]["NullableHttpUrl"];
            /** @description The HTTP method Twilio uses to call the webhook. */
            callback_method?: components["schemas"]["NullableWebhookMethod"];
            /**
             * @description An absolute http or https URL, written in ASCII: a host (a registered
             *     name or an IPv4 address), an optional port, then path, query and fragment made of
             *     URI characters and %-escapes (RFC 3986). Non-ASCII characters are
             *     %-encoded, as a browser sends them. The pattern alone implies
             *     `format: uri`, so every validator agrees on it.
             */
            fallback_url?: components["schemas"]["NullableHttpUrl"];
            /** @description The HTTP method Twilio uses to call the webhook. */
            fallback_method?: components["schemas"]["NullableWebhookMethod"];
            /**
             * @description An absolute http or https URL, written in ASCII: a host (a registered
             *     name or an IPv4 address), an optional port, then path, query and fragment made of
             *     URI characters and %-escapes (RFC 3986). Non-ASCII characters are
             *     %-encoded, as a browser sends them. The pattern alone implies
             *     `format: uri`, so every validator agrees on it.
             */
            status_callback_url?: components["schemas"]["NullableHttpUrl"];
            /** @description The HTTP method Twilio uses to call the webhook. */
            status_callback_method?: components["schemas"]["NullableWebhookMethod"];
        };
        /** @description The WhatsApp business profile as the service holds it. */
        Profile: {
            name?: components["schemas"]["NullableText"];
            about?: components["schemas"]["NullableText"];
            address?: components["schemas"]["NullableText"];
            description?: components["schemas"]["NullableText"];
            /** @description The business category shown on the WhatsApp profile. */
            vertical?: components["schemas"]["Vertical"] | null;
            /**
             * @description An absolute http or https URL, written in ASCII: a host (a registered
             *     name or an IPv4 address), an optional port, then path, query and fragment made of
             *     URI characters and %-escapes (RFC 3986). Non-ASCII characters are
             *     %-encoded, as a browser sends them. The pattern alone implies
             *     `format: uri`, so every validator agrees on it.
             */
            logo_url?: components["schemas"]["NullableHttpUrl"];
            /**
             * @description An absolute http or https URL, written in ASCII: a host (a registered
             *     name or an IPv4 address), an optional port, then path, query and fragment made of
             *     URI characters and %-escapes (RFC 3986). Non-ASCII characters are
             *     %-encoded, as a browser sends them. The pattern alone implies
             *     `format: uri`, so every validator agrees on it.
             */
            banner_url?: components["schemas"]["NullableHttpUrl"];
            /**
             * @description An absolute http or https URL, written in ASCII: a host (a registered
             *     name or an IPv4 address), an optional port, then path, query and fragment made of
             *     URI characters and %-escapes (RFC 3986). Non-ASCII characters are
             *     %-encoded, as a browser sends them. The pattern alone implies
             *     `format: uri`, so every validator agrees on it.
             */
            privacy_url?: components["schemas"]["NullableHttpUrl"];
            /**
             * @description An absolute http or https URL, written in ASCII: a host (a registered
             *     name or an IPv4 address), an optional port, then path, query and fragment made of
             *     URI characters and %-escapes (RFC 3986). Non-ASCII characters are
             *     %-encoded, as a browser sends them. The pattern alone implies
             *     `format: uri`, so every validator agrees on it.
             */
            terms_of_service_url?: components["schemas"]["NullableHttpUrl"];
            accent_color?: components["schemas"]["NullableText"];
            emails?: components["schemas"]["ProfileEmail"][] | null;
            websites?: components["schemas"]["ProfileWebsite"][] | null;
            phone_numbers?: components["schemas"]["ProfilePhoneNumber"][] | null;
        };
        ProfileEmail: {
            email: components["schemas"]["EmailAddress"];
            label?: components["schemas"]["NullableText"];
        };
        ProfileWebsite: {
            /**
             * @description An absolute http or https URL, written in ASCII: a host (a registered
             *     name or an IPv4 address), an optional port, then path, query and fragment made of
             *     URI characters and %-escapes (RFC 3986). Non-ASCII characters are
             *     %-encoded, as a browser sends them. The pattern alone implies
             *     `format: uri`, so every validator agrees on it.
             */
            website: components["schemas"]["HttpUrl"];
            label?: components["schemas"]["NullableText"];
        };
        ProfilePhoneNumber: {
            /** @description A phone number in E.164 form. */
            phone_number: components["schemas"]["E164"];
            label?: components["schemas"]["NullableText"];
        };
        /** @description What WhatsApp reports about the number. */
        Properties: {
            /**
             * @description WhatsApp's rating of recent message quality, such as `HIGH`.
             * @example HIGH
             */
            quality_rating?: string | null;
            /**
             * @description How many customers the number may start conversations with a day.
             * @example 10K Customers/24hr
             */
            messaging_limit?: string | null;
        };
        /** @description One reason why a sender is offline. */
        OfflineReason: {
            /**
             * @description The Twilio error code, as a string.
             * @example 30008
             */
            code: string;
            /** @example The phone number is not registered with WhatsApp. */
            message: string;
            /**
             * @description An absolute http or https URL, written in ASCII: a host (a registered
             *     name or an IPv4 address), an optional port, then path, query and fragment made of
             *     URI characters and %-escapes (RFC 3986). Non-ASCII characters are
             *     %-encoded, as a browser sends them. The pattern alone implies
             *     `format: uri`, so every validator agrees on it.
             */
            more_info?: components["schemas"]["NullableHttpUrl"];
        };
        NullableHttpUrl: components["schemas"]["HttpUrl"] | null;
        NullableWebhookMethod: components["schemas"]["WebhookMethod"] | null;
        /** @example Example Motors */
        NullableText: string | null;
        /** @description One page of senders. */
        SendersPage: {
            senders: components["schemas"]["Sender"][];
            /** @description Where this page stands and how to reach its neighbours. */
            meta: components["schemas"]["PageMeta"];
        };
        /** @description Where this page stands and how to reach its neighbours. */
        PageMeta: {
            /** @example 0 */
            page: number;
            /** @example 50 */
            page_size: number;
            /**
             * @description An absolute http or https URL, written in ASCII: a host (a registered
             *     name or an IPv4 address), an optional port, then path, query and fragment made of
             *     URI characters and %-escapes (RFC 3986). Non-ASCII characters are
             *     %-encoded, as a browser sends them. The pattern alone implies
             *     `format: uri`, so every validator agrees on it.
             */
            first_page_url: components["schemas"]["HttpUrl"];
            /**
             * @description An absolute http or https URL, written in ASCII: a host (a registered
             *     name or an IPv4 address), an optional port, then path, query and fragment made of
             *     URI characters and %-escapes (RFC 3986). Non-ASCII characters are
             *     %-encoded, as a browser sends them. The pattern alone implies
             *     `format: uri`, so every validator agrees on it.
             */
            previous_page_url: components["schemas"]["NullableHttpUrl"];
            /**
             * @description An absolute http or https URL, written in ASCII: a host (a registered
             *     name or an IPv4 address), an optional port, then path, query and fragment made of
             *     URI characters and %-escapes (RFC 3986). Non-ASCII characters are
             *     %-encoded, as a browser sends them. The pattern alone implies
             *     `format: uri`, so every validator agrees on it.
             */
            url: components["schemas"]["HttpUrl"];
            /**
             * @description An absolute http or https URL, written in ASCII: a host (a registered
             *     name or an IPv4 address), an optional port, then path, query and fragment made of
             *     URI characters and %-escapes (RFC 3986). Non-ASCII characters are
             *     %-encoded, as a browser sends them. The pattern alone implies
             *     `format: uri`, so every validator agrees on it.
             */
            next_page_url: components["schemas"]["NullableHttpUrl"];
            /**
             * @description The name of the list field in the page body.
             * @example senders
             * @enum {string}
             */
            key: "senders";
        };
        /** @description The body of every error response. */
        TwilioError: {
            /**
             * @description The Twilio error number; see `more_info`.
             * @example 20404
             */
            code: number;
            /** @example The requested resource was not found */
            message: string;
            /**
             * @description An absolute http or https URL, written in ASCII: a host (a registered
             *     name or an IPv4 address), an optional port, then path, query and fragment made of
             *     URI characters and %-escapes (RFC 3986). Non-ASCII characters are
             *     %-encoded, as a browser sends them. The pattern alone implies
             *     `format: uri`, so every validator agrees on it.
             */
            more_info?: components["schemas"]["HttpUrl"];
            /**
             * @description The HTTP status, repeated.
             * @example 404
             */
            status: number;
        };
    };
    responses: {
        /** @description The request's body or parameters are invalid. */
        BadRequest: {
            headers: {
                "Twilio-Request-Id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["TwilioError"];
            };
        };
        /** @description No credentials, or wrong ones. */
        Unauthorized: {
            headers: {
                "Twilio-Request-Id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["TwilioError"];
            };
        };
        /** @description The credentials are valid but may not do this. */
        Forbidden: {
            headers: {
                "Twilio-Request-Id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["TwilioError"];
            };
        };
        /** @description No sender with this SID on the account. */
        NotFound: {
            headers: {
                "Twilio-Request-Id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["TwilioError"];
            };
        };
        /** @description Rate limited. Nothing was done; the request may be sent again after `Retry-After`. */
        TooManyRequests: {
            headers: {
                "Twilio-Request-Id": components["headers"]["RequestId"];
                "Retry-After": components["headers"]["RetryAfter"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["TwilioError"];
            };
        };
        /** @description The service failed. A write may or may not have been applied. */
        InternalServerError: {
            headers: {
                "Twilio-Request-Id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["TwilioError"];
            };
        };
        /** @description The service is unavailable for a while. */
        ServiceUnavailable: {
            headers: {
                "Twilio-Request-Id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["TwilioError"];
            };
        };
    };
    parameters: {
        /** @description The SID of the sender. */
        Sid: components["schemas"]["SenderSid"];
        /** @description The channel whose senders to list. */
        Channel: "whatsapp";
        /** @description How many senders a page holds. */
        PageSize: number;
        /** @description The index of the page, counted from 0. Client state, echoed in `meta.page`. */
        Page: number;
        /** @description An opaque token from the service that marks where the next page starts. */
        PageToken: string;
    };
    requestBodies: never;
    headers: {
        /**
         * @description The id of this request at Twilio; quote it to support.
         * @example RQ09cbe1275bf1d50a9d9063adac8d7a4c
         */
        RequestId: string;
        /**
         * @description How long to wait before trying again: a number of seconds, or an
         *     HTTP date (RFC 9110, section 10.2.3).
         * @example 2
         */
        RetryAfter: string;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    listSenders: {
        parameters: {
            query: {
                /** @description The channel whose senders to list. */
                Channel: components["parameters"]["Channel"];
                /** @description How many senders a page holds. */
                PageSize?: components["parameters"]["PageSize"];
                /** @description The index of the page, counted from 0. Client state, echoed in `meta.page`. */
                Page?: components["parameters"]["Page"];
                /** @description An opaque token from the service that marks where the next page starts. */
                PageToken?: components["parameters"]["PageToken"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of senders. */
            200: {
                headers: {
                    "Twilio-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SendersPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    createSender: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SenderCreate"];
            };
        };
        responses: {
            /** @description The registration was accepted; the sender is being created. */
            202: {
                headers: {
                    "Twilio-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Sender"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    fetchSender: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The SID of the sender. */
                Sid: components["parameters"]["Sid"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The sender. */
            200: {
                headers: {
                    "Twilio-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Sender"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    updateSender: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The SID of the sender. */
                Sid: components["parameters"]["Sid"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SenderUpdate"];
            };
        };
        responses: {
            /** @description The change was accepted. */
            202: {
                headers: {
                    "Twilio-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Sender"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    deleteSender: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The SID of the sender. */
                Sid: components["parameters"]["Sid"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The sender was deleted. */
            204: {
                headers: {
                    "Twilio-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
}
