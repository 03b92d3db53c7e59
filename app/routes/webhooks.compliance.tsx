import type { ActionFunctionArgs } from "@remix-run/node";
import { receiveWebhook } from "../features/shop/webhook-intake.server";

/** customers/data_request, customers/redact, shop/redact (401 on an invalid HMAC, as required). */
export const action = ({ request }: ActionFunctionArgs) => receiveWebhook(request);
