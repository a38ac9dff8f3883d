"""The channels the Rasa server opens (credentials.yml), as small subclasses
of Rasa's own connectors:

- `rest.SecuredRestInput`: Rasa's REST channel, but requiring the API token
  or a JWT when one is configured (Rasa's `--auth-token` covers only the HTTP
  API, not the channels);
- `widget.WidgetInput`: the socket.io channel of the web widget (web/widget),
  limited to the configured browser origins, with the earlier messages of a
  conversation sent again when the widget reconnects;
- `telegram.TelegramInput`: Telegram for volunteers, with a configurable Bot
  API server, inline keyboards within Telegram's 64-byte limit and a webhook
  that always answers 200 so Telegram never resends an update endlessly;
- `whatsapp.WhatsAppInput`: WhatsApp's Cloud API for volunteers (Rasa has
  no connector for it), with signed webhook calls only, reply buttons,
  lists or numbered choices, and answers only within WhatsApp's 24-hour
  customer-service window;
- `launch`: starts `rasa run` with the secrets and origins from the settings.

`auth` holds what they share: the allowed origins and the token/JWT check;
`messaging` what Telegram and WhatsApp share (role, pseudonymous ids, text
splitting, bounded memories); `document` the documents actions hand over.
"""
