import { createClient } from "@base44/sdk";

export const base44 = createClient({ appId: "mailer" });
