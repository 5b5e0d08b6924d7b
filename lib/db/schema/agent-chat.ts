// Tables owned by this part of the agent (see lib/db/migrations).
export {};
