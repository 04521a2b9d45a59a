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
         * @description The SID of a sender, `XE` and 32 hex digits. The pattern and lengths
         *     are safe: every sender SID has this form, and as a path parameter
         *     it keeps the request inside the resource (no `/`, `..` or `%`).
         * @example XEa3da528ac8b58bb8cd5e44e051b5964e
         */
        SenderSid: string;
        /**
         * @description Where the sender is in its life. `x-status-kinds` gives each status
         *     its kind, what it means to a caller who waits: `working` (it moves
         *     on by itself), `awaiting-code` (it waits for the one-time password,
         *     sent with an update's `configuration.verification_code`), `ready`
         *     (it can send), `failed` (see `offline_reasons`) or `action-needed`
         *     (it will not move on by itself: someone must act). New statuses may
         *     appear; a client treats one it does not know as `working`.
         * @example ONLINE
         * @enum {string}
         */
        SenderStatus: "CREATING" | "ONLINE" | "OFFLINE" | "PENDING_VERIFICATION" | "VERIFYING" | "ONLINE:UPDATING" | "TWILIO_REVIEW" | "DRAFT" | "STUBBED";
        /**
         * @description How the one-time password reaches the number.
         * @example sms
         * @enum {string}
         */
        VerificationMethod: "sms" | "voice";
        /**
         * @description For software vendors (ISVs) who register senders in their customers'
         *     subaccounts: `ISV` or `ISVSubAccount`. An empty string clears it.
         * @example ISVSubAccount
         * @enum {string}
         */
        AccountType: "ISV" | "ISVSubAccount" | "";
        /**
         * @description The HTTP method Twilio uses to call the webhook.
         * @example POST
         * @enum {string}
         */
        WebhookMethod: "POST" | "PUT";
        /**
         * @description The business category shown on the WhatsApp profile. Twilio lists 22
         *     values (Alcohol; Automotive; Beauty, Spa and Salon; Clothing and
         *     Apparel; Education; Entertainment; Event Planning and Service;
         *     Finance and Banking; Food and Grocery; Hotel and Lodging; Matrimony
         *     Service; Medical and Health; Non-profit; Online Gambling; OTC Drugs;
         *     Other; Physical Gambling; Professional Services; Public Service;
         *     Restaurant; Shopping and Retail; Travel and Transportation), but only
         *     in the text of its field: every published schema and SDK types it as
         *     a plain string, and the service has answered `""`. So it is a plain
         *     string here too, sent and received.
         * @example Automotive
         */
        Vertical: string;
        /**
         * @description The channel-prefixed address, `whatsapp:` and an E.164 number (`+`, a
         *     country code that does not start with 0, at most 15 digits in all).
         *     The pattern is safe: it is the definition of a WhatsApp sender's
         *     address, and a value outside it names no WhatsApp number the service
         *     could register. The minimum length is the pattern's own.
         * @example whatsapp:+15017122661
         */
        SenderId: string;
        /**
         * @description An absolute http or https URL: the scheme (in any case), `://`, a
         *     host of at least one character, then anything up to the end, without
         *     white space or control characters. Every published schema types
         *     URLs as plain strings, and real webhook URLs carry what RFC 3986
         *     does not allow unescaped (`?ids[]=1`, `?a=b|c`) or an
         *     internationalised host name (`https://bücher.example/wa`), so no
         *     `uri` format is kept. The pattern is safe: Twilio can only call,
         *     fetch or link an absolute http(s) URL, and a URL cannot hold white
         *     space. No maximum length: none is published; the minimum is the
         *     pattern's own.
         * @example https://example.com/whatsapp/inbound
         */
        HttpUrl: string;
        /**
         * @description The SID of the TwiML application that answers voice calls to the
         *     number, `AP` and 32 hex digits. The pattern is safe: it is the form
         *     of every TwiML application SID, and any other value names no
         *     application.
         * @example AP165ba58cb26a5d6cefe59eef26064879
         */
        VoiceApplicationSid: string;
        /**
         * @description The display name shown in WhatsApp: 1 to 255 characters (error
         *     63124, Twilio's error page of November 2026), following Meta's
         *     display-name guidelines. Meta reviews it after registration, and a
         *     rejected name limits the number to 250 business-initiated messages
         *     a day.
         * @example Example Motors
         */
        DisplayName: string;
        /**
         * @description The messaging use case of an RCS sender (Twilio's newest published
         *     description lists these four; the service uses `MULTI_USE` when it
         *     is not given). Not used for WhatsApp.
         * @example MULTI_USE
         * @enum {string}
         */
        UseCase: "PROMOTIONAL" | "TRANSACTIONAL" | "OTP" | "MULTI_USE";
        /**
         * @description A label for the sender in the Twilio Console.
         * @example Example Motors
         * @example main line
         */
        FriendlyName: string | null;
        /** @example Cars and parts since 1998. */
        NullableString: string | null;
        NullableHttpUrl: components["schemas"]["HttpUrl"] | null;
        /**
         * @description The body of a create request. `profile`, with its `name`, is
         *     required: WhatsApp requires a display name for every sender
         *     (Meta's display-name guidelines), so a WhatsApp sender cannot be
         *     registered without one. The published description leaves `profile`
         *     optional because the same endpoint serves RCS; this spec is
         *     WhatsApp's.
         */
        SenderCreate: {
            /**
             * @description The channel-prefixed address, `whatsapp:` and an E.164 number (`+`, a
             *     country code that does not start with 0, at most 15 digits in all).
             *     The pattern is safe: it is the definition of a WhatsApp sender's
             *     address, and a value outside it names no WhatsApp number the service
             *     could register. The minimum length is the pattern's own.
             */
            sender_id: components["schemas"]["SenderId"];
            /** @description A label for the sender in the Twilio Console. */
            friendly_name?: components["schemas"]["FriendlyName"];
            /**
             * @description How the sender is registered and verified. Every field takes `null`,
             *     as the published description allows.
             */
            configuration?: components["schemas"]["ConfigurationInput"] | null;
            /**
             * @description Where Twilio sends inbound messages and status callbacks for this
             *     sender. Every field takes `null`.
             */
            webhook?: components["schemas"]["WebhookInput"] | null;
            /**
             * @description The WhatsApp business profile sent on create: the profile of an
             *     update (`ProfileInput`), with `name` required and not null. `name`,
             *     the display name, is required for WhatsApp senders and must follow
             *     Meta's display-name guidelines; Meta reviews it after registration,
             *     and a rejected name limits the number to 250 business-initiated
             *     messages a day. Before a bulk registration, register one sender and
             *     check that its name is accepted.
             */
            profile: components["schemas"]["ProfileCreateInput"];
        };
        /** @description The body of an update request; only the keys sent are changed. */
        SenderUpdate: {
            /** @description A label for the sender in the Twilio Console. */
            friendly_name?: components["schemas"]["FriendlyName"];
            /**
             * @description How the sender is registered and verified. Every field takes `null`,
             *     as the published description allows.
             */
            configuration?: components["schemas"]["ConfigurationInput"] | null;
            /**
             * @description Where Twilio sends inbound messages and status callbacks for this
             *     sender. Every field takes `null`.
             */
            webhook?: components["schemas"]["WebhookInput"] | null;
            /**
             * @description The WhatsApp business profile sent on update. Every field takes
             *     `null`. A new `name` is not applied at once: it goes to Meta for
             *     review (see `pending_display_name_status` on the Sender).
             *     `emails`, `websites` and `phone_numbers` take the labelled object
             *     lists, or the short forms: a single value, or a list of plain values.
             *     The profile sent on create (`ProfileCreateInput`) is this one with
             *     `name` required and not null, so a profile field is written here only.
             */
            profile?: components["schemas"]["ProfileInput"] | null;
        };
        /**
         * @description How the sender is registered and verified. Every field takes `null`,
         *     as the published description allows.
         */
        ConfigurationInput: {
            /**
             * @description The id of the WhatsApp Business Account. Its examples are digits,
             *     but no source defines its form, so no pattern is enforced.
             * @example 1234567890
             */
            waba_id?: string | null;
            /**
             * @description How the one-time password reaches the number; the service uses
             *     `sms` when it is not given. (No `default` keyword: the generated
             *     types would then make the field required.)
             */
            verification_method?: components["schemas"]["VerificationMethod"] | null;
            /**
             * @description The one-time password that reached the number, sent on update to
             *     verify it. No source defines its form, so no pattern is enforced.
             * @example 482913
             */
            verification_code?: string | null;
            /**
             * @description The SID of the TwiML application that answers voice calls to the
             *     number, `AP` and 32 hex digits. The pattern is safe: it is the form
             *     of every TwiML application SID, and any other value names no
             *     application.
             */
            voice_application_sid?: components["schemas"]["VoiceApplicationSid"] | null;
            /**
             * @description For software vendors (ISVs) who register senders in their customers'
             *     subaccounts: `ISV` or `ISVSubAccount`. An empty string clears it.
             */
            account_type?: components["schemas"]["AccountType"] | null;
        };
        /**
         * @description Where Twilio sends inbound messages and status callbacks for this
         *     sender. Every field takes `null`.
         */
        WebhookInput: {
            /**
             * @description An absolute http or https URL: the scheme (in any case), `://`, a
             *     host of at least one character, then anything up to the end, without
             *     white space or control characters. Every published schema types
             *     URLs as plain strings, and real webhook URLs carry what RFC 3986
             *     does not allow unescaped (`?ids[]=1`, `?a=b|c`) or an
             *     internationalised host name (`https://bücher.example/wa`), so no
             *     `uri` format is kept. The pattern is safe: Twilio can only call,
             *     fetch or link an absolute http(s) URL, and a URL cannot hold white
             *     space. No maximum length: none is published; the minimum is the
             *     pattern's own.
             */
            callback_url?: components["schemas"]["NullableHttpUrl"];
            /** @description The HTTP method Twilio uses to call the webhook. */
            callback_method?: components["schemas"]["WebhookMethod"] | null;
            /**
             * @description An absolute http or https URL: the scheme (in any case), `://`, a
             *     host of at least one character, then anything up to the end, without
             *     white space or control characters. Every published schema types
             *     URLs as plain strings, and real webhook URLs carry what RFC 3986
             *     does not allow unescaped (`?ids[]=1`, `?a=b|c`) or an
             *     internationalised host name (`https://bücher.example/wa`), so no
             *     `uri` format is kept. The pattern is safe: Twilio can only call,
             *     fetch or link an absolute http(s) URL, and a URL cannot hold white
             *     space. No maximum length: none is published; the minimum is the
             *     pattern's own.
             */
            fallback_url?: components["schemas"]["NullableHttpUrl"];
            /** @description The HTTP method Twilio uses to call the webhook. */
            fallback_method?: components["schemas"]["WebhookMethod"] | null;
            /**
             * @description An absolute http or https URL: the scheme (in any case), `://`, a
             *     host of at least one character, then anything up to the end, without
             *     white space or control characters. Every published schema types
             *     URLs as plain strings, and real webhook URLs carry what RFC 3986
             *     does not allow unescaped (`?ids[]=1`, `?a=b|c`) or an
             *     internationalised host name (`https://bücher.example/wa`), so no
             *     `uri` format is kept. The pattern is safe: Twilio can only call,
             *     fetch or link an absolute http(s) URL, and a URL cannot hold white
             *     space. No maximum length: none is published; the minimum is the
             *     pattern's own.
             */
            status_callback_url?: components["schemas"]["NullableHttpUrl"];
            /**
             * @description The HTTP method of the status callback; a plain string in the published description.
             * @example POST
             */
            status_callback_method?: string | null;
        };
        /**
         * @description The WhatsApp business profile sent on create: the profile of an
         *     update (`ProfileInput`), with `name` required and not null. `name`,
         *     the display name, is required for WhatsApp senders and must follow
         *     Meta's display-name guidelines; Meta reviews it after registration,
         *     and a rejected name limits the number to 250 business-initiated
         *     messages a day. Before a bulk registration, register one sender and
         *     check that its name is accepted.
         */
        ProfileCreateInput: components["schemas"]["ProfileInput"] & {
            /**
             * @description The display name shown in WhatsApp: 1 to 255 characters (error
             *     63124, Twilio's error page of November 2026), following Meta's
             *     display-name guidelines. Meta reviews it after registration, and a
             *     rejected name limits the number to 250 business-initiated messages
             *     a day.
             */
            name: components["schemas"]["DisplayName"];
        };
        /**
         * @description The WhatsApp business profile sent on update. Every field takes
         *     `null`. A new `name` is not applied at once: it goes to Meta for
         *     review (see `pending_display_name_status` on the Sender).
         *     `emails`, `websites` and `phone_numbers` take the labelled object
         *     lists, or the short forms: a single value, or a list of plain values.
         *     The profile sent on create (`ProfileCreateInput`) is this one with
         *     `name` required and not null, so a profile field is written here only.
         */
        ProfileInput: {
            /**
             * @description The display name shown in WhatsApp: 1 to 255 characters (error
             *     63124, Twilio's error page of November 2026), following Meta's
             *     display-name guidelines. Meta reviews it after registration, and a
             *     rejected name limits the number to 250 business-initiated messages
             *     a day.
             */
            name?: components["schemas"]["DisplayName"] | null;
            about?: components["schemas"]["NullableString"];
            address?: components["schemas"]["NullableString"];
            description?: components["schemas"]["NullableString"];
            /**
             * @description The business category shown on the WhatsApp profile. Twilio lists 22
             *     values (Alcohol; Automotive; Beauty, Spa and Salon; Clothing and
             *     Apparel; Education; Entertainment; Event Planning and Service;
             *     Finance and Banking; Food and Grocery; Hotel and Lodging; Matrimony
             *     Service; Medical and Health; Non-profit; Online Gambling; OTC Drugs;
             *     Other; Physical Gambling; Professional Services; Public Service;
             *     Restaurant; Shopping and Retail; Travel and Transportation), but only
             *     in the text of its field: every published schema and SDK types it as
             *     a plain string, and the service has answered `""`. So it is a plain
             *     string here too, sent and received.
             */
            vertical?: components["schemas"]["VerticalInput"];
            /**
             * @description An absolute http or https URL: the scheme (in any case), `://`, a
             *     host of at least one character, then anything up to the end, without
             *     white space or control characters. Every published schema types
             *     URLs as plain strings, and real webhook URLs carry what RFC 3986
             *     does not allow unescaped (`?ids[]=1`, `?a=b|c`) or an
             *     internationalised host name (`https://bücher.example/wa`), so no
             *     `uri` format is kept. The pattern is safe: Twilio can only call,
             *     fetch or link an absolute http(s) URL, and a URL cannot hold white
             *     space. No maximum length: none is published; the minimum is the
             *     pattern's own.
             */
            logo_url?: components["schemas"]["NullableHttpUrl"];
            /**
             * @description An absolute http or https URL: the scheme (in any case), `://`, a
             *     host of at least one character, then anything up to the end, without
             *     white space or control characters. Every published schema types
             *     URLs as plain strings, and real webhook URLs carry what RFC 3986
             *     does not allow unescaped (`?ids[]=1`, `?a=b|c`) or an
             *     internationalised host name (`https://bücher.example/wa`), so no
             *     `uri` format is kept. The pattern is safe: Twilio can only call,
             *     fetch or link an absolute http(s) URL, and a URL cannot hold white
             *     space. No maximum length: none is published; the minimum is the
             *     pattern's own.
             */
            banner_url?: components["schemas"]["NullableHttpUrl"];
            /**
             * @description An absolute http or https URL: the scheme (in any case), `://`, a
             *     host of at least one character, then anything up to the end, without
             *     white space or control characters. Every published schema types
             *     URLs as plain strings, and real webhook URLs carry what RFC 3986
             *     does not allow unescaped (`?ids[]=1`, `?a=b|c`) or an
             *     internationalised host name (`https://bücher.example/wa`), so no
             *     `uri` format is kept. The pattern is safe: Twilio can only call,
             *     fetch or link an absolute http(s) URL, and a URL cannot hold white
             *     space. No maximum length: none is published; the minimum is the
             *     pattern's own.
             */
            privacy_url?: components["schemas"]["NullableHttpUrl"];
            /**
             * @description An absolute http or https URL: the scheme (in any case), `://`, a
             *     host of at least one character, then anything up to the end, without
             *     white space or control characters. Every published schema types
             *     URLs as plain strings, and real webhook URLs carry what RFC 3986
             *     does not allow unescaped (`?ids[]=1`, `?a=b|c`) or an
             *     internationalised host name (`https://bücher.example/wa`), so no
             *     `uri` format is kept. The pattern is safe: Twilio can only call,
             *     fetch or link an absolute http(s) URL, and a URL cannot hold white
             *     space. No maximum length: none is published; the minimum is the
             *     pattern's own.
             */
            terms_of_service_url?: components["schemas"]["NullableHttpUrl"];
            /** @description The profile's accent colour, as a hex colour such as `#1a7f37`. No pattern is enforced. */
            accent_color?: components["schemas"]["AccentColorInput"];
            /**
             * @description The messaging use case of an RCS sender (Twilio's newest published
             *     description lists these four; the service uses `MULTI_USE` when it
             *     is not given). Not used for WhatsApp.
             */
            use_case?: components["schemas"]["UseCaseInput"];
            /**
             * @description The profile's email addresses: one address, or a list of addresses
             *     or `{email, label}` objects. No format is enforced: the seed's own
             *     short form is `xxx@xxx`.
             */
            emails?: components["schemas"]["EmailsInput"];
            /** @description The profile's websites, one URL, or a list of URLs or `{website, label}` objects. */
            websites?: components["schemas"]["WebsitesInput"];
            /**
             * @description The profile's phone numbers: one number, or a list of numbers or
             *     `{phone_number, label}` objects. No form is enforced: no source
             *     gives one for these.
             */
            phone_numbers?: components["schemas"]["PhoneNumbersInput"];
        };
        VerticalInput: components["schemas"]["Vertical"] | null;
        /**
         * @description The profile's accent colour, as a hex colour such as `#1a7f37`. No pattern is enforced.
         * @example #1a7f37
         */
        AccentColorInput: string | null;
        UseCaseInput: components["schemas"]["UseCase"] | null;
        /**
         * @description The profile's email addresses: one address, or a list of addresses
         *     or `{email, label}` objects. No format is enforced: the seed's own
         *     short form is `xxx@xxx`.
         */
        EmailsInput: string | (string | components["schemas"]["ProfileEmailInput"])[] | null;
        /** @description The profile's websites, one URL, or a list of URLs or `{website, label}` objects. */
        WebsitesInput: components["schemas"]["HttpUrl"] | (components["schemas"]["HttpUrl"] | components["schemas"]["ProfileWebsiteInput"])[] | null;
        /**
         * @description The profile's phone numbers: one number, or a list of numbers or
         *     `{phone_number, label}` objects. No form is enforced: no source
         *     gives one for these.
         */
        PhoneNumbersInput: string | (string | components["schemas"]["ProfilePhoneNumberInput"])[] | null;
        ProfileEmailInput: {
            /**
             * @description An email address. At least one character, which is safe: an empty entry is no address.
             * @example support@example.com
             */
            email: string;
            label?: components["schemas"]["NullableString"];
        };
        ProfileWebsiteInput: {
            /**
             * @description An absolute http or https URL: the scheme (in any case), `://`, a
             *     host of at least one character, then anything up to the end, without
             *     white space or control characters. Every published schema types
             *     URLs as plain strings, and real webhook URLs carry what RFC 3986
             *     does not allow unescaped (`?ids[]=1`, `?a=b|c`) or an
             *     internationalised host name (`https://bücher.example/wa`), so no
             *     `uri` format is kept. The pattern is safe: Twilio can only call,
             *     fetch or link an absolute http(s) URL, and a URL cannot hold white
             *     space. No maximum length: none is published; the minimum is the
             *     pattern's own.
             */
            website: components["schemas"]["HttpUrl"];
            label?: components["schemas"]["NullableString"];
        };
        ProfilePhoneNumberInput: {
            /**
             * @description A phone number. At least one character, which is safe: an empty entry is no number.
             * @example +15017122661
             */
            phone_number: string;
            label?: components["schemas"]["NullableString"];
        };
        /**
         * @description A sender as the service returns it. Most fields can be null, and an
         *     update's 202 may carry `webhook: null` and `profile: null` and leave
         *     out `url`, `properties` and `offline_reasons`. The same endpoint
         *     also serves RCS senders (`sender_id` such as `rcs:<agent id>`, with
         *     `compliance`); this description types the WhatsApp fields, and an
         *     RCS sender passes through unchanged.
         */
        Sender: {
            /**
             * @description The SID of a sender, `XE` and 32 hex digits. The pattern and lengths
             *     are safe: every sender SID has this form, and as a path parameter
             *     it keeps the request inside the resource (no `/`, `..` or `%`).
             */
            sid: components["schemas"]["SenderSid"];
            /**
             * @description Where the sender is in its life. `x-status-kinds` gives each status
             *     its kind, what it means to a caller who waits: `working` (it moves
             *     on by itself), `awaiting-code` (it waits for the one-time password,
             *     sent with an update's `configuration.verification_code`), `ready`
             *     (it can send), `failed` (see `offline_reasons`) or `action-needed`
             *     (it will not move on by itself: someone must act). New statuses may
             *     appear; a client treats one it does not know as `working`.
             */
            status: components["schemas"]["SenderStatus"];
            /**
             * @description The channel-prefixed address, such as `whatsapp:+15017122661`.
             *     `sid` and `sender_id` are nullable in the published description
             *     but plain strings in the official SDK; a sender without them
             *     cannot be acted on, so here they are required and not null, and
             *     behind `prism proxy` a null one is reported as drift.
             * @example whatsapp:+15017122661
             */
            sender_id: string;
            /**
             * @description The sender's label in the Twilio Console.
             * @example Example Motors
             */
            friendly_name?: string | null;
            /**
             * @description How the sender was registered. `verification_code` is null, or, on
             *     an update's response, the code just submitted.
             */
            configuration?: components["schemas"]["Configuration"] | null;
            /** @description The sender's webhooks. */
            webhook?: components["schemas"]["Webhook"] | null;
            /**
             * @description The business profile as the service holds it. The display-name review
             *     fields are accepted here as well as at the top of the Sender: the
             *     SDKs put them at the top, Twilio's page for error 63128 tells users to
             *     read `profile.pending_display_name_status`, and only the live service
             *     can settle it.
             */
            profile?: components["schemas"]["Profile"] | null;
            /**
             * @description The display name of the most recent change of `profile.name`,
             *     while Meta reviews it and until it is applied. Absent when no
             *     change was made.
             */
            pending_display_name?: components["schemas"]["PendingDisplayName"];
            /**
             * @description Where the most recent change of the display name stands:
             *     `PENDING_REVIEW`, `APPROVED` and `DECLINED` come from Meta's review
             *     (a declined name is error 63060, the display name was rejected);
             *     `PIN_MISMATCH`, `REGISTRATION_FAILED` and `EXPIRED` mean an approved
             *     name could not be applied (submit the same name again to retry);
             *     `COMPLETED` means it is now `profile.name`.
             */
            pending_display_name_status?: components["schemas"]["PendingDisplayNameStatus"] | null;
            /** @description When `pending_display_name_status` last changed, in ISO 8601 (UTC). */
            pending_display_name_status_date?: components["schemas"]["PendingDisplayNameStatusDate"];
            /**
             * @description On an update's response, when it carried `profile.name`: what became
             *     of the new display name. `updating` (submitted), `no_change` (it is
             *     already the name), `pending_review` (the same name is already under
             *     review), `error` (it could not be processed; the other profile
             *     fields were still applied).
             */
            display_name_status?: components["schemas"]["DisplayNameStatus"] | null;
            /** @description What WhatsApp reports about the number. */
            properties?: components["schemas"]["Properties"] | null;
            /** @description Why the sender is offline; null unless its status is `OFFLINE`. */
            offline_reasons?: (components["schemas"]["OfflineReason"] | null)[] | null;
            /** @description RCS only (its launch and carrier review); null for WhatsApp. */
            compliance?: components["schemas"]["Compliance"] | null;
            /**
             * @description The sender's own URL.
             * @example https://messaging.twilio.com/v2/Channels/Senders/XEa3da528ac8b58bb8cd5e44e051b5964e
             */
            url?: string | null;
        };
        /**
         * @description The display name of the most recent change of `profile.name`,
         *     while Meta reviews it and until it is applied. Absent when no
         *     change was made.
         * @example Example Motors Group
         */
        PendingDisplayName: string | null;
        /**
         * @description When `pending_display_name_status` last changed, in ISO 8601 (UTC).
         * @example 2026-11-20T09:30:00Z
         */
        PendingDisplayNameStatusDate: string | null;
        /**
         * @description Where the most recent change of the display name stands:
         *     `PENDING_REVIEW`, `APPROVED` and `DECLINED` come from Meta's review
         *     (a declined name is error 63060, the display name was rejected);
         *     `PIN_MISMATCH`, `REGISTRATION_FAILED` and `EXPIRED` mean an approved
         *     name could not be applied (submit the same name again to retry);
         *     `COMPLETED` means it is now `profile.name`.
         * @example PENDING_REVIEW
         * @enum {string}
         */
        PendingDisplayNameStatus: "PENDING_REVIEW" | "APPROVED" | "DECLINED" | "PIN_MISMATCH" | "REGISTRATION_FAILED" | "EXPIRED" | "COMPLETED";
        /**
         * @description On an update's response, when it carried `profile.name`: what became
         *     of the new display name. `updating` (submitted), `no_change` (it is
         *     already the name), `pending_review` (the same name is already under
         *     review), `error` (it could not be processed; the other profile
         *     fields were still applied).
         * @example updating
         * @enum {string}
         */
        DisplayNameStatus: "updating" | "no_change" | "pending_review" | "error";
        /**
         * @description How the sender was registered. `verification_code` is null, or, on
         *     an update's response, the code just submitted.
         */
        Configuration: {
            waba_id?: components["schemas"]["NullableString"];
            /** @description How the one-time password reaches the number. */
            verification_method?: components["schemas"]["VerificationMethod"] | null;
            /**
             * @example null
             * @example 482913
             */
            verification_code?: string | null;
            voice_application_sid?: components["schemas"]["NullableString"];
            /**
             * @description `ISV`, `ISVSubAccount`, or null.
             * @example ISVSubAccount
             */
            account_type?: string | null;
        };
        /** @description The sender's webhooks. */
        Webhook: {
            callback_url?: components["schemas"]["NullableString"];
            /** @description The HTTP method Twilio uses to call the webhook. */
            callback_method?: components["schemas"]["WebhookMethod"] | null;
            fallback_url?: components["schemas"]["NullableString"];
            /** @description The HTTP method Twilio uses to call the webhook. */
            fallback_method?: components["schemas"]["WebhookMethod"] | null;
            status_callback_url?: components["schemas"]["NullableString"];
            status_callback_method?: components["schemas"]["NullableString"];
        };
        /**
         * @description The business profile as the service holds it. The display-name review
         *     fields are accepted here as well as at the top of the Sender: the
         *     SDKs put them at the top, Twilio's page for error 63128 tells users to
         *     read `profile.pending_display_name_status`, and only the live service
         *     can settle it.
         */
        Profile: {
            name?: components["schemas"]["NullableString"];
            about?: components["schemas"]["NullableString"];
            address?: components["schemas"]["NullableString"];
            description?: components["schemas"]["NullableString"];
            vertical?: components["schemas"]["NullableString"];
            logo_url?: components["schemas"]["NullableString"];
            banner_url?: components["schemas"]["NullableString"];
            privacy_url?: components["schemas"]["NullableString"];
            terms_of_service_url?: components["schemas"]["NullableString"];
            accent_color?: components["schemas"]["NullableString"];
            /**
             * @description The RCS use case. A plain string here: the newest published
             *     description has an enum (`PROMOTIONAL`, `TRANSACTIONAL`, `OTP`,
             *     `MULTI_USE`), the official SDK a plain string.
             * @example MULTI_USE
             */
            use_case?: string | null;
            /**
             * @description The display name of the most recent change of `profile.name`,
             *     while Meta reviews it and until it is applied. Absent when no
             *     change was made.
             */
            pending_display_name?: components["schemas"]["PendingDisplayName"];
            /**
             * @description Where the most recent change of the display name stands:
             *     `PENDING_REVIEW`, `APPROVED` and `DECLINED` come from Meta's review
             *     (a declined name is error 63060, the display name was rejected);
             *     `PIN_MISMATCH`, `REGISTRATION_FAILED` and `EXPIRED` mean an approved
             *     name could not be applied (submit the same name again to retry);
             *     `COMPLETED` means it is now `profile.name`.
             */
            pending_display_name_status?: components["schemas"]["PendingDisplayNameStatus"] | null;
            /** @description When `pending_display_name_status` last changed, in ISO 8601 (UTC). */
            pending_display_name_status_date?: components["schemas"]["PendingDisplayNameStatusDate"];
            emails?: components["schemas"]["ProfileEmail"][] | null;
            websites?: components["schemas"]["ProfileWebsite"][] | null;
            phone_numbers?: components["schemas"]["ProfilePhoneNumber"][] | null;
        };
        ProfileEmail: {
            email?: components["schemas"]["NullableString"];
            label?: components["schemas"]["NullableString"];
        };
        ProfileWebsite: {
            website?: components["schemas"]["NullableString"];
            label?: components["schemas"]["NullableString"];
        };
        ProfilePhoneNumber: {
            phone_number?: components["schemas"]["NullableString"];
            label?: components["schemas"]["NullableString"];
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
        /** @description One reason why a sender is offline. Every field may be null. */
        OfflineReason: {
            /**
             * @description The Twilio error code, as a string.
             * @example 30008
             */
            code?: string | null;
            message?: components["schemas"]["NullableString"];
            more_info?: components["schemas"]["NullableString"];
        };
        /**
         * @description RCS only: the launch's compliance registration and its review by
         *     country and carrier. Typed loosely: this package is about WhatsApp.
         */
        Compliance: {
            registration_sid?: components["schemas"]["NullableString"];
            countries?: components["schemas"]["ComplianceCountry"][] | null;
        };
        ComplianceCountry: {
            country?: components["schemas"]["NullableString"];
            registration_sid?: components["schemas"]["NullableString"];
            status?: components["schemas"]["NullableString"];
            carriers?: components["schemas"]["ComplianceCarrier"][] | null;
        };
        ComplianceCarrier: {
            name?: components["schemas"]["NullableString"];
            status?: components["schemas"]["NullableString"];
        };
        /** @description One page of senders. */
        SendersPage: {
            senders: components["schemas"]["Sender"][];
            /**
             * @description Where this page stands and how to reach its neighbours. To read the
             *     next page, GET `next_page_url` exactly as given.
             */
            meta: components["schemas"]["PageMeta"];
        };
        /**
         * @description Where this page stands and how to reach its neighbours. To read the
         *     next page, GET `next_page_url` exactly as given.
         */
        PageMeta: {
            /** @example 0 */
            page?: number;
            /** @example 20 */
            page_size?: number;
            /** @example https://messaging.twilio.com/v2/Channels/Senders?Channel=whatsapp&PageSize=20&Page=0 */
            first_page_url?: string;
            previous_page_url?: components["schemas"]["NullableString"];
            /** @example https://messaging.twilio.com/v2/Channels/Senders?Channel=whatsapp&PageSize=20&Page=0 */
            url?: string;
            next_page_url?: components["schemas"]["NullableString"];
            /**
             * @description The name of the list field in the page body.
             * @example senders
             * @enum {string}
             */
            key?: "senders";
        };
        /**
         * @description The body of an error response: Twilio's classic error, or the RFC
         *     9457 problem details that newer Twilio APIs answer with.
         */
        ErrorBody: components["schemas"]["TwilioError"] | components["schemas"]["ProblemDetails"];
        /** @description Twilio's classic error body. */
        TwilioError: {
            /**
             * @description The Twilio error number; see `more_info`.
             * @example 20404
             */
            code: number;
            /** @example The requested resource was not found */
            message: string;
            /**
             * @description The documentation URL of the error, `https://www.twilio.com/docs/errors/<code>`.
             * @example https://www.twilio.com/docs/errors/20404
             */
            more_info?: string;
            /**
             * @description The HTTP status, repeated.
             * @example 404
             */
            status?: number;
        };
        /**
         * @description An RFC 9457 problem: `type`, `title`, `status`, Twilio's `code` and
         *     `detail`, and no `message`.
         */
        ProblemDetails: {
            /**
             * @description A URI that identifies the kind of problem.
             * @example https://www.twilio.com/docs/errors/20404
             */
            type?: string;
            /**
             * @description A short summary of the kind of problem.
             * @example Not Found
             */
            title: string;
            /**
             * @description The HTTP status, repeated.
             * @example 404
             */
            status: number;
            /**
             * @description The Twilio error number.
             * @example 20404
             */
            code?: number;
            /**
             * @description What went wrong with this request.
             * @example The requested resource was not found
             */
            detail?: string;
        };
    };
    responses: {
        /** @description The request's body or parameters are invalid. */
        BadRequest: {
            headers: {
                "Twilio-Request-Id": components["headers"]["RequestId"];
                "T-Request-Id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBody"];
            };
        };
        /**
         * @description The request's body or parameters are invalid. On a create or an
         *     update that carries `profile.name`, error 63124 says the display name
         *     was declined: it must be 1 to 255 characters and follow Meta's
         *     display-name guidelines (Twilio's error page, updated November 2026).
         */
        BadRequestWithDisplayName: {
            headers: {
                "Twilio-Request-Id": components["headers"]["RequestId"];
                "T-Request-Id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBody"];
            };
        };
        /** @description No credentials, or wrong ones. */
        Unauthorized: {
            headers: {
                "Twilio-Request-Id": components["headers"]["RequestId"];
                "T-Request-Id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBody"];
            };
        };
        /** @description The credentials are valid but may not do this. */
        Forbidden: {
            headers: {
                "Twilio-Request-Id": components["headers"]["RequestId"];
                "T-Request-Id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBody"];
            };
        };
        /** @description No sender with this SID on the account. */
        NotFound: {
            headers: {
                "Twilio-Request-Id": components["headers"]["RequestId"];
                "T-Request-Id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBody"];
            };
        };
        /**
         * @description The change conflicts with one still in progress: error 63128, a new
         *     display name while an earlier change of `profile.name` is still under
         *     review (Twilio's error page, updated 2026-11-16). Nothing was changed;
         *     wait until `pending_display_name_status` has settled.
         */
        Conflict: {
            headers: {
                "Twilio-Request-Id": components["headers"]["RequestId"];
                "T-Request-Id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBody"];
            };
        };
        /** @description Rate limited. Nothing was done; the request may be sent again after `Retry-After`, when there is one. */
        TooManyRequests: {
            headers: {
                "Twilio-Request-Id": components["headers"]["RequestId"];
                "T-Request-Id": components["headers"]["RequestId"];
                "Retry-After": components["headers"]["RetryAfter"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBody"];
            };
        };
        /** @description The service failed. A write may or may not have been applied. */
        InternalServerError: {
            headers: {
                "Twilio-Request-Id": components["headers"]["RequestId"];
                "T-Request-Id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBody"];
            };
        };
        /** @description The service is unavailable for a while. */
        ServiceUnavailable: {
            headers: {
                "Twilio-Request-Id": components["headers"]["RequestId"];
                "T-Request-Id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBody"];
            };
        };
    };
    parameters: {
        /** @description The SID of the sender. */
        Sid: components["schemas"]["SenderSid"];
        /** @description The channel whose senders to list. */
        Channel: "whatsapp";
        /**
         * @description How many senders a page holds. For WhatsApp the service's default is
         *     20: Twilio's published text says so, while its schema still says 50;
         *     the text is the more specific statement.
         */
        PageSize: number;
        /** @description The index of the page, counted from 0. Client state, echoed in `meta.page`. */
        Page: number;
        /**
         * @description An opaque token from the service that marks where the next page
         *     starts. At least one character, which is safe: an empty token marks
         *     nothing.
         */
        PageToken: string;
    };
    requestBodies: never;
    headers: {
        /**
         * @description The id of this request at Twilio (seen as `RQ` and 32 hex digits); quote
         *     it to support. Twilio's published description names the header
         *     `T-Request-Id`, while its older APIs answer `Twilio-Request-Id`: both
         *     names are documented, and a client reads whichever comes. Its value is
         *     a plain string there, so no form is required of it here: a response is
         *     not drift for the shape of its request id. A response without either,
         *     from behind a proxy say, is still a valid response: documented, not
         *     required.
         * @example RQ09cbe1275bf1d50a9d9063adac8d7a4c
         */
        RequestId: string;
        /**
         * @description How long to wait before trying again: a number of seconds, or an
         *     HTTP date (RFC 9110, section 10.2.3). A 429 may come without it.
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
                /**
                 * @description How many senders a page holds. For WhatsApp the service's default is
                 *     20: Twilio's published text says so, while its schema still says 50;
                 *     the text is the more specific statement.
                 */
                PageSize?: components["parameters"]["PageSize"];
                /** @description The index of the page, counted from 0. Client state, echoed in `meta.page`. */
                Page?: components["parameters"]["Page"];
                /**
                 * @description An opaque token from the service that marks where the next page
                 *     starts. At least one character, which is safe: an empty token marks
                 *     nothing.
                 */
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
                    "T-Request-Id": components["headers"]["RequestId"];
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
                    "T-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Sender"];
                };
            };
            400: components["responses"]["BadRequestWithDisplayName"];
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
                    "T-Request-Id": components["headers"]["RequestId"];
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
        /** @description Not required by the service; an empty body changes nothing. */
        requestBody?: {
            content: {
                "application/json": components["schemas"]["SenderUpdate"];
            };
        };
        responses: {
            /** @description The change was accepted. */
            202: {
                headers: {
                    "Twilio-Request-Id": components["headers"]["RequestId"];
                    "T-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Sender"];
                };
            };
            400: components["responses"]["BadRequestWithDisplayName"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
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
                    "T-Request-Id": components["headers"]["RequestId"];
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
