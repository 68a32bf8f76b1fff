/*
 * Checklist suggestions: for the items the workbook already has evidence for, the answer
 * it points to and why. Suggestions only: nothing here writes an answer.
 */
#ifndef ANZEN_SUGGEST_H
#define ANZEN_SUGGEST_H

#include <stddef.h>

#include "guideline/catalogue.h"
#include "base/error.h"
#include "model/store.h"

/* What the suggestions read from a workbook; enumerations are indexes into the model's
 * value lists (model/tables.h). */
struct az_fact_system {
	const char *name;
	int remote_maintenance; /* az_remote_values: yes no unknown */
	long vendor_id;         /* 0: none */
};

struct az_fact_vendor {
	long id;
	const char *name;
	const char *mds_sds_received; /* "" or NULL: not received */
};

struct az_fact_answer {
	long vendor_id;
	const char *question;
	int answer;        /* az_answer3_values: yes no unknown; -1: none */
	const char *value; /* date and text questions */
};

struct az_fact_action {
	const char *control; /* control id or NULL */
	const char *description;
	int status; /* az_action_status_values: planned in_progress done dropped */
	const char *done_at;
};

struct az_workbook_facts {
	const char *security_officer;
	const struct az_fact_system *systems;
	size_t nsystems;
	const struct az_fact_vendor *vendors;
	size_t nvendors;
	const struct az_fact_answer *answers;
	size_t nanswers;
	const struct az_fact_action *actions;
	size_t nactions;
	size_t ncontacts;
	struct az_arena *arena; /* owns the arrays above */
	struct az_book *book;   /* set by az_workbook_facts_load: owns the strings */
};

struct az_book;
/* The facts of a workbook already in memory; the strings stay the book's, so free the facts
 * (az_workbook_facts_free) before the book. */
int az_workbook_facts_from_book(const struct az_book *b, struct az_workbook_facts *f, struct az_error *err);
/* Reads the facts from a workbook; free them with az_workbook_facts_free. */
int az_workbook_facts_load(struct az_store *s, struct az_workbook_facts *f, struct az_error *err);
void az_workbook_facts_free(struct az_workbook_facts *f);

enum az_suggest_answer {
	AZ_SUGGEST_NONE = -1, /* not enough to go on */
	AZ_SUGGEST_YES = 0,   /* indexes into az_checklist_answer_values */
	AZ_SUGGEST_NO = 1,
};

struct az_suggestion {
	const char *item; /* checklist item id, e.g. "2-(3)" */
	int answer;       /* enum az_suggest_answer */
	char evidence[768]; /* translated, one line */
};

#define AZ_SUGGEST_ITEMS 6
/* The items suggestions are made for: 1-(1) 2-(1) 2-(2) 2-(3) 3-(1) 3-(2). */
extern const char *const az_suggest_items[AZ_SUGGEST_ITEMS];

/* Fills out[AZ_SUGGEST_ITEMS] in that order; returns AZ_SUGGEST_ITEMS. cat names the vendor
 * questions (those feeding 2-(2)) and the backup controls (those evidencing 3-(2)). */
size_t az_checklist_suggest(const struct az_catalogue *cat, const struct az_workbook_facts *f,
			    struct az_suggestion out[AZ_SUGGEST_ITEMS]);
/* The suggestion for one item, or NULL if none is made for it. */
const struct az_suggestion *az_suggestion_for(const struct az_suggestion s[AZ_SUGGEST_ITEMS],
					      const char *item);

#endif
