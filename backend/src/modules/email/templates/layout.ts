/**
 * The HTML frame of every platform email, used as `{{#> layout}}…{{/layout}}`. Tables and inline
 * styles because mail clients ignore most CSS.
 */
export const LAYOUT_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{subject}}</title>
</head>
<body style="margin:0;padding:0;background:#f4f5f7;font-family:Roboto,Helvetica,Arial,sans-serif;color:#1f2937;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f4f5f7;">
<tr><td align="center" style="padding:24px 12px;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:560px;background:#ffffff;border-radius:8px;">
<tr><td style="padding:32px;font-size:15px;line-height:1.5;">
<p style="margin:0 0 24px;font-size:18px;font-weight:700;color:#3f51b5;">Lodestar</p>
{{> @partial-block}}
</td></tr>
</table>
<p style="margin:16px 0 0;font-size:12px;color:#6b7280;">This email was sent by Lodestar on behalf of your workspace.</p>
</td></tr>
</table>
</body>
</html>
`;

/** A call-to-action button, as a bulletproof table cell. Expects `link` and `label` hash parameters. */
export const BUTTON_HTML = `<table role="presentation" cellpadding="0" cellspacing="0" style="margin:24px 0;">
<tr><td style="border-radius:6px;background:#3f51b5;">
<a href="{{link}}" style="display:inline-block;padding:12px 24px;color:#ffffff;text-decoration:none;font-weight:600;">{{label}}</a>
</td></tr>
</table>
<p style="font-size:13px;color:#6b7280;">If the button does not work, paste this address into your browser:<br><a href="{{link}}" style="color:#3f51b5;word-break:break-all;">{{link}}</a></p>
`;
