/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/*
 * The help of every screen (F1), in one place: the text a user reads when stuck is written,
 * reviewed and translated as one text, and the screens keep only their behaviour. The screens
 * point their ops at these; tui/help.c translates and shows them.
 */
#include <config.h>

#include "base/i18n.h"
#include "tui/help_text.h"

/* array initialisers take a bare string literal: N_ here is gettext's plain marker */
#undef N_
#define N_(s) s

/* app.c */
const char tui_help_open_failed[] =
	N_("The workbook could not be opened, so nothing was read or changed. If another anzen has it "
	   "open, close that one first. If it was written by a newer anzen, update this one.");

/* choice.c */
const char tui_help_choice[] =
	N_("Choose one of the options: move with the arrow keys (or j and k) and press Enter, or "
	   "press the number in front of it. Esc closes the list without changing anything.");

/* confirm.c */
const char tui_help_confirm[] =
	N_("Answer the question with y for yes or n for no. Esc also means no.");

/* editbox.c */
const char tui_help_editbox[] =
	N_("Type the text; Japanese input works as usual. Left, Right, Home and End move, Backspace and "
	   "Delete erase, Ctrl-U erases to the start. A date is written YYYY-MM-DD. Enter saves at once; "
	   "Esc closes without saving.");

/* scr_approval.c */
const char tui_help_approval[] =
	N_("When the assessment is complete, the administrator approves it: enter who approved it "
	   "and on which day. The PDF for the health centre shows both. Each field is saved as soon as "
	   "you leave it; a date that does not exist is not saved.");

/* scr_changes.c */
const char tui_help_changes[] =
	N_("What was added, changed or removed since the chosen earlier year: first the counts, then "
	   "each entry with the fields that changed. Dates that are confirmed again every year are not "
	   "counted as changes. Press / to search. Nothing can be edited here.");

/* scr_checklist.c */
const char tui_help_checklist_answer[] =
	N_("The answer to one checklist item (for one device column where the form has them), the day "
	   "it was checked (確認日) and, for a No, the target date (目標日) by which the clinic will do it. "
	   "Each field is saved as soon as you leave it (Tab, Up/Down, Enter, or a choice picked); "
	   "F2 or Ctrl-S saves the field you are in; Esc leaves.");

const char tui_help_checklist[] =
	N_("The cyber-security checklist of the MHLW (医療機関におけるサイバーセキュリティ対策チェックリスト), "
	   "items in the order of the official form. Some items are answered per device: server, "
	   "terminal and network; Left and Right move between them.\n\n"
	   "Space changes the answer of the selected cell (- Yes No). Items marked * have an "
	   "answer suggested from what the workbook already holds; the evidence is shown below, and s "
	   "fills the suggested answer in. Enter opens the answer with its 確認日 (the day it was "
	   "checked), its 目標日 (for a No: by when it will be done) and a note. / shows only the items "
	   "that contain what you type (full-width or half-width, hiragana or katakana alike).\n\n"
	   "The form asks for a target date for every No; the health centre reads it at the inspection.");

/* scr_clinic.c */
const char tui_help_clinic[] =
	N_("The clinic and the people responsible for its information security, as the Guideline 6.0 "
	   "asks (管理者 and 安全管理責任者). These names are printed on the first page for the health "
	   "centre. Tab or Down goes to the next field.\n\n"
	   "Below them are the questions about how the clinic works (passwords, backups, Wi-Fi, logs). "
	   "Answer each with 1 (yes), 2 (no) or 3 (don't know); the next open question follows. Left/Right "
	   "or Space changes an answer, Enter lists the answers. \"Don't know\" counts against the clinic, "
	   "as an unanswered question does. The answers make the suggested scores on the Risks screen.\n\n"
	   "Each field and each answer is saved as soon as you leave it, so nothing is lost if the "
	   "terminal closes; F2 or Ctrl-S saves the field you are in; Esc goes back.");

/* scr_contacts.c */
const char tui_help_contact[] =
	N_("One line of the contact chart (連絡体制). The contact is added as soon as you leave its "
	   "name; from then on each field is saved as soon as you leave it. F2 or Ctrl-S saves; Esc "
	   "goes back.");

const char tui_help_contacts[] =
	N_("The contact chart (連絡体制): whom to call when a system stops or information may have "
	   "leaked. The Guideline 6.0 asks for it, and the health centre looks for it. List someone "
	   "inside the clinic, the vendor of each system, and the authorities (保健所, police). "
	   "a adds, e or Enter edits, d deletes after asking, / searches.");

/* scr_export.c */
const char tui_help_export[] =
	N_("Write the inspection PDF for the health centre, or the whole workbook as JSON (a backup "
	   "that 'anzen import' reads back). The file goes next to the workbook (or, when the workbook "
	   "is in a hidden folder, in your Documents folder) unless you type another name; the whole "
	   "path is shown under the form, and where the file went once it is written. An existing file is replaced only after you say so. F2 or Ctrl-S writes.");

/* scr_facts.c */
const char tui_help_facts[] =
	N_("Plain questions about how the clinic, each system and each vendor work. Answer with 1 (yes), "
	   "2 (no) or 3 (don't know); the next question follows. A question that asks for a date takes "
	   "the date on 1 or Enter. \"Don't know\" is a real answer and counts against the clinic, as an "
	   "unanswered question does. The clinic's questions are also on the clinic form, each system's "
	   "and each vendor's on its own form.\n\n"
	   "The answers decide the suggested likelihood and severity of every threat, and the risk list "
	   "shows which answer moved which level. / searches.");

/* scr_findings.c */
const char tui_help_findings[] =
	N_("Where the workbook contradicts itself or lacks what the health centre looks for: a "
	   "checklist answer the rest of the workbook disproves, a No without a target date, an "
	   "overdue action, an S or A risk not decided, a vendor without its vendor form. 要対応 "
	   "must be fixed before the PDF is handed over; 要確認 should be looked at. Enter opens the "
	   "screen where the selected one is fixed. 'anzen check' prints the same list.");

/* scr_heatmap.c */
const char tui_help_heatmap[] =
	N_("Two 5×5 grids: on the left the risks as they are now, on the right after the treatment "
	   "(the residual score; a risk without one stays at its current score). Up the side is the "
	   "likelihood, 1 to 5; across is the severity, 1 to 5. Each cell shows the rank letter of "
	   "that score and how many risks have it; on colour screens the cell has the colour of its "
	   "rank.\n\nMove with the arrow keys (or h j k l); Space or Tab switches between the two "
	   "grids. Enter lists the risks of the chosen cell; open one there to see or change its "
	   "treatment.");

/* scr_home.c */
const char tui_help_home[] =
	N_("The steps of the risk assessment, in the order of the Guideline 6.0: the clinic and "
	   "its responsible people, whom to call, the systems, the vendors, the risks of each "
	   "system, the MHLW checklist, the approval, and the export for the health centre; last, "
	   "the earlier years of this workbook and the start of the next year; and, with !, the findings "
	   "(要確認事項): where the workbook contradicts itself, as 'anzen check' lists them. "
	   "The bar and the figures show how far each step is; under the list you see what is "
	   "still missing in the selected step. Choose a line with the arrow keys (or j and k, or "
	   "its number, 0 for the tenth) and press Enter. q or Esc, pressed twice, leaves anzen, and F10 "
	   "or Ctrl-C at once; everything is saved as you go. A new, empty workbook can start from a "
	   "template with t: a typical clinic's systems and vendors, with their usual answers.");

/* scr_risks.c */
const char tui_help_risks[] =
	N_("The threats that apply to the system, from the catalogue, with their risk. The rank is "
	   "shown by a symbol and a letter (!!! S critical, !! A high, ! B medium, ~ C low, - D negligible) "
	   "and, on colour screens, by its colour.\n\n"
	   "e gives the likelihood (how often it could happen) and then the severity (how bad it "
	   "would be), each from 1 to 5; the meaning of every level is shown when you choose. Enter "
	   "opens the treatment: avoid, reduce, transfer or accept, with what each one needs. d "
	   "deletes the assessment of the selected threat (you are asked first). / searches.\n\n"
	   "The status says what is left: To do (no score or no treatment), Incomplete (the treatment "
	   "lacks something; the line at the bottom says what), Complete.");

const char tui_help_risk_pick[] =
	N_("Risks are assessed system by system: choose a system of the inventory and press Enter to "
	   "see the threats that apply to it. The number in front says how many of its risks still "
	   "need a score or a treatment. \"All systems\" lists every risk of the workbook in one list.");

/* scr_systems.c */
const char tui_help_system[] =
	N_("Every attribute of one system. Where it runs, remote maintenance, the connection and "
	   "patient data decide which threats apply on the Risks screen. On a choice, Left/Right or "
	   "Space changes it and Enter lists the choices with a description. Each field is saved as "
	   "soon as you leave it or pick a choice (a new system once its name is left). F2 or Ctrl-S "
	   "saves; Esc goes back.\n\n"
	   "Below the fields are the questions about this device: its default password, its firmware, "
	   "antivirus, remote access (which ones depends on its kind and its remote maintenance; a new "
	   "system gets them once it is added). Answer with 1 (yes), 2 (no) or 3 (don't know); a question "
	   "that asks for a date takes the date on 1 or Enter. The answers make the suggested scores.");

const char tui_help_systems[] =
	N_("Every system and device that handles patient information or connects outside: the "
	   "receipt computer (レセコン), the records system, the online eligibility terminal, X-ray "
	   "and imaging, the network equipment, PCs. a adds one: choose its kind and the usual "
	   "answers are filled in for you to check. e or Enter edits, d deletes after asking (its "
	   "risks are deleted with it), / searches.");

/* scr_threats.c */
const char tui_help_threats[] =
	N_("One decision per threat, for every system it concerns. The threats are ordered by their "
	   "suggested rank, S first; the suggestion comes from the catalogue and from your answers to the "
	   "questions about how the clinic works, and the two lines at the bottom say which answers moved "
	   "the likelihood and the severity.\n\n"
	   "Enter confirms the suggested score for every system and asks only what the rank needs: "
	   "nothing for D; for C, accept with the standard reason (one key) or another treatment; for A and "
	   "S, reduce with an action (its owner and due date are filled in) and the residual score, avoid, "
	   "or transfer or accept with the reason and the approval of the management. e gives another "
	   "score. x marks the threat as not applicable (with a reason; it needs no approval), or brings "
	   "it back. v lists its systems: Space there decides one system apart (an exception), x marks "
	   "one system as not applicable, Enter opens its treatment.\n\n"
	   "The first line opens every question about how the clinic works; it is selected while some "
	   "are open. The second lists the risks system by system. f opens the questions behind the "
	   "selected threat; its bottom line says how many of them are not answered.");

const char tui_help_threat_systems[] =
	N_("The systems one threat concerns. They share the threat's decision, except those decided "
	   "apart: Space marks the selected system as an exception (its score and treatment are then its "
	   "own) or brings it back to the threat's decision. Enter opens its treatment. x marks the threat "
	   "as not applicable to this system alone, with a reason, or brings it back.");

/* scr_treat.c */
const char tui_help_action[] =
	N_("One action that reduces the risk. Every action needs an owner (who makes sure it is done) "
	   "and a due date; the treatment is not complete without them. Tab or Down goes to the next "
	   "field. A new action is added as soon as you leave its first field (what is done, or the "
	   "owner of a control from the catalogue); from then on each field is saved as soon as you "
	   "leave it. F2 or Ctrl-S checks the action and goes back; Esc goes back (you are asked "
	   "first if something would be lost).");

const char tui_help_treat[] =
	N_("How the clinic treats this risk. Choose a line and press Enter to change it.\n\n"
	   "Avoid (回避): stop what causes the risk; write what is stopped.\n"
	   "Reduce (低減): at least one action, each with an owner and a due date, and the residual "
	   "likelihood and severity after the actions (no higher than before).\n"
	   "Transfer (移転): say to whom (insurer and policy, or contract party). Only the cost moves; "
	   "the duty to protect patient data stays with the clinic.\n"
	   "Accept (受容): who approved it (the director), the date, and why.\n\n"
	   "a adds an action: pick one of the catalogue's controls for this threat or write your own. "
	   "d deletes the selected action (you are asked first). What is still missing is shown at the "
	   "bottom; leaving with something missing asks first. Every change is saved at once.");

/* scr_vendors.c */
const char tui_help_vendor[] =
	N_("The vendor's profile. The vendor is added as soon as you leave its name; from then on "
	   "each field is saved as soon as you leave it. F2 or Ctrl-S saves; Esc goes back.\n\n"
	   "Below the fields are the questions about this vendor (who updates the VPN device, who may "
	   "connect), asked once it supports a system they concern. Answer with 1 (yes), 2 (no) or 3 "
	   "(don't know). The answers make the suggested scores.");

const char tui_help_vendor_answer[] =
	N_("Ask the vendor this question and note the answer, with the day you got it. The grey "
	   "text says why it matters. 'Yes' is always the safe answer; 'No' and 'Unknown' are risks "
	   "to look at on the Risks screen. Each field is saved as soon as you leave it or pick an "
	   "answer. F2 or Ctrl-S saves; Esc goes back.");

const char tui_help_vendor_questions[] =
	N_("The questions to ask this vendor: a to e are the five points of the dental association's "
	   "workshop (the VPN device, the contract, remote access, passwords, logs), then the rest "
	   "of the Guideline 6.0. The answer is shown in brackets; '-' is not answered yet. Enter "
	   "opens a question with why it matters.");

const char tui_help_vendors[] =
	N_("The vendors who supply and maintain the systems. Most intrusions into clinics came in "
	   "through a vendor's remote maintenance, so the Guideline 6.0 asks the clinic to check "
	   "them. Enter opens the questions to ask a vendor; a adds a vendor, e edits its profile "
	   "(certification, MDS/SDS), d deletes after asking, / searches.");

/* scr_years.c */
const char tui_help_years[] =
	N_("The fiscal years kept in this workbook by 'anzen next-year', newest first. Enter shows what "
	   "changed since that year. Earlier years are kept as they were and cannot be edited.\n\n"
	   "a starts the next fiscal year: after you confirm, a new workbook for the next year is "
	   "made beside this one (for example clinic-2027.anzen), with everything carried over and "
	   "this year kept as an earlier year. This workbook is not changed; open the new one with "
	   "'anzen open' and the file name shown.");
