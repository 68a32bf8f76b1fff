/* Opening a file that must be a regular file, without ever blocking: a FIFO or device named like
 * a catalogue file is refused instead of hanging the program. */
#ifndef ANZEN_OPENREG_H
#define ANZEN_OPENREG_H

#include <stdio.h>
#include <sys/types.h>

/* path opened for reading as a stream if it is a regular file of at most max bytes; else NULL with
 * *eno set (EISDIR, EINVAL for a FIFO, device or socket, EFBIG, or open's errno). *size gets the size. */
FILE *az_open_regular(const char *path, off_t max, off_t *size, int *eno);

#endif
