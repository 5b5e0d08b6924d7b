// Tables owned by this role are declared here (see lib/db/migrations).
export {};
