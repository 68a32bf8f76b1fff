/* Where the catalogue is found at run time. */
#ifndef ANZEN_LOCATE_H
#define ANZEN_LOCATE_H

/* The global --guideline DIR option; consulted first when set. */
extern const char *az_guideline_option;

/*
 * The catalogue directory: --guideline DIR, else $ANZEN_GUIDELINE, else the source
 * tree's guideline/ when this program runs uninstalled from its build tree, else
 * $(pkgdatadir)/guideline. Returns a malloc'd path, or NULL when out of memory.
 */
char *az_guideline_locate(void);

#endif
