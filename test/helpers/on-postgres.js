// Makes the test helpers start servers on PostgreSQL (TEST_DATABASE_URL) instead of SQLite.
process.env.REGISTRY_TEST_DB = 'postgres';
