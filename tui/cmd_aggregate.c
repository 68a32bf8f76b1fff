#include <config.h>
int cmd_aggregate(int argc, char **argv);
int cmd_aggregate(int argc, char **argv) { (void)argc; (void)argv; return 70; }
