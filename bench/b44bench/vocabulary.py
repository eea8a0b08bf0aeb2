"""Word lists the generator builds function names, identifiers and UI text from."""

VERBS = [
    "process", "sync", "send", "create", "update", "delete", "export", "import", "generate", "validate",
    "calculate", "fetch", "refresh", "archive", "approve", "reject", "notify", "schedule", "cancel", "merge",
    "publish", "render", "resolve", "assign", "reconcile", "summarize", "translate", "upload", "verify", "track",
]
NOUNS = [
    "order", "invoice", "payment", "customer", "report", "email", "user", "subscription", "product", "inventory",
    "shipment", "refund", "ticket", "lead", "contact", "campaign", "document", "receipt", "booking", "event",
    "task", "project", "comment", "review", "coupon", "cart", "payout", "webhook", "digest", "quote",
    "contract", "vendor", "employee", "timesheet", "asset", "message", "survey", "badge", "playlist", "course",
]
QUALIFIERS = [
    "daily", "weekly", "bulk", "pending", "stripe", "slack", "pdf", "csv", "ai", "legacy",
    "monthly", "batch", "single", "remote", "draft", "public", "internal", "async", "scheduled", "manual",
]
GROUPS = ["orders", "billing", "crm", "admin", "reports", "integrations", "notifications", "ai", "jobs", "webhooks"]
AREAS = [
    "orders", "billing", "dashboard", "settings", "customers", "inventory", "reports", "auth", "support",
    "marketing", "analytics", "team", "projects", "calendar", "messages", "catalog", "checkout", "admin",
]
FIELDS = [
    ("id", "string"), ("name", "string"), ("status", "string"), ("total", "number"), ("createdAt", "string"),
    ("updatedAt", "string"), ("ownerId", "string"), ("email", "string"), ("quantity", "number"), ("notes", "string"),
    ("archived", "boolean"), ("priority", "number"), ("tags", "string[]"), ("currency", "string"),
    ("dueDate", "string"), ("score", "number"), ("title", "string"), ("description", "string"),
]
STATUSES = ["draft", "pending", "active", "paused", "completed", "failed", "archived", "cancelled", "review"]
UI_WORDS = [
    "Overview", "Details", "Summary", "History", "Activity", "Settings", "Filters", "Results", "Actions",
    "Recent", "Upcoming", "Totals", "Insights", "Queue", "Timeline", "Members", "Notes", "Attachments",
]


def pascal(*words: str) -> str:
    return "".join(w[:1].upper() + w[1:] for w in words)


def camel(*words: str) -> str:
    p = pascal(*words)
    return p[:1].lower() + p[1:]
