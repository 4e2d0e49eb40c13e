export const templates = [];
