"""Qt item models over the read-side services. They read; they never write, open dialogs or start threads."""
