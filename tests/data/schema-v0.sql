-- Version 0: a file anzen created but had not yet given a schema.
PRAGMA application_id = 1095653966;
