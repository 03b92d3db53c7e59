-- Campaign alerts become {code, vars} translated when shown (app/features/homepage/campaign-alert.ts).
-- Existing English texts are converted to their codes where the wording is known, the details
-- (Shopify's error text, the verification note) kept as variables. Anything else is kept as text
-- under the "legacy" code.
ALTER TABLE "HomepageCampaign" ALTER COLUMN "alert" TYPE JSONB USING (
  CASE
    WHEN "alert" IS NULL THEN NULL
    WHEN "alert" LIKE 'Not shown: %' THEN
      jsonb_build_object('code', 'not_shown_end_passed', 'vars', '{}'::jsonb)
    WHEN "alert" ~ '^The start switch failed: ' THEN
      jsonb_build_object('code', 'switch_failed_start', 'vars',
        jsonb_build_object('error', substring("alert" from '^The start switch failed: (.*)$')))
    WHEN "alert" ~ '^The end switch failed: ' THEN
      jsonb_build_object('code', 'switch_failed_end', 'vars',
        jsonb_build_object('error', substring("alert" from '^The end switch failed: (.*)$')))
    WHEN "alert" ~ '^content not saved yet: ' THEN
      jsonb_build_object('code', 'content_not_saved', 'vars',
        jsonb_build_object('error', substring("alert" from '^content not saved yet: (.*)$')))
    WHEN "alert" ~ '^The storefront does not show the campaign after the switch \(.*\)\.$' THEN
      jsonb_build_object('code', 'storefront_not_shown', 'vars',
        jsonb_build_object('note', substring("alert" from '\((.*)\)\.$')))
    WHEN "alert" ~ '^The storefront still shows the campaign after the switch back \(.*\)\.$' THEN
      jsonb_build_object('code', 'storefront_still_shown', 'vars',
        jsonb_build_object('note', substring("alert" from '\((.*)\)\.$')))
    WHEN "alert" LIKE 'The live home page was edited while the campaign ran.%' THEN
      jsonb_build_object('code', 'template_drift', 'vars', '{}'::jsonb)
    ELSE jsonb_build_object('code', 'legacy', 'vars', jsonb_build_object('text', "alert"))
  END
);
