#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 The anzen authors
# Writes a workbook as JSON for the bench and the tests, through the public import format.
#   sh bench/gen.sh SYSTEMS RISKS VENDORS > workbook.json   (up to 100,000 risks: bench/scale.sh)
# Deterministic: the same sizes give the same bytes.
set -eu
awk -v S="${1:-15}" -v R="${2:-60}" -v V="${3:-5}" '
function q(s) { return "\"" s "\"" }
BEGIN {
	split("rececon ehr_cloud ehr_onprem online_qualification xray vpn_router wifi nas office_pc website reservation eprescription mfp usb_media lte_line", cat, " ")
	split("レセコン 電子カルテ(クラウド) 電子カルテ(院内サーバ) オンライン資格確認端末 デジタルX線 VPNルータ 無線LAN NAS 事務PC Webサイト 予約システム 電子処方箋 複合機 USBメモリ LTE保守回線", nm, " ")
	split("ransomware vpn_vuln vpn_credentials shared_admin_password no_lockout leaver_accounts usb_malware mis_sent_email theft vendor_compromise hardware_failure power_failure staff_error phishing rdp_exposed", th, " ")
	split("onprem cloud", host, " ")
	split("yes no unknown", rm, " ")
	split("internet_vpn closed_network leased_line lte cloud none", conn, " ")
	split("isms pmark both none unknown", cert, " ")
	split("avoid reduce transfer accept", tr, " ")
	split("a b c d e", vq, " ")
	printf "{\n  \"actions\": ["
	n = 0
	# every reduced risk (i % 4 == 1) has an action, as the treatment rules require
	for (i = 1; i <= R; i++) if (i % 2 == 0 || i % 4 == 1) {
		printf "%s\n    {\"control\": %s, \"description\": %s, \"done_at\": null, \"due\": %s, \"id\": %d, \"owner\": %s, \"risk_id\": %d, \"status\": %s}",
			(n++ ? "," : ""), q("control_" (i % 40)), q("VPN機器のファームウェアを更新する（" i "）"),
			q(sprintf("2027-%02d-%02d", i % 12 + 1, i % 28 + 1)), n, q("院長"), i, q("planned")
	}
	printf "%s],\n", n ? "\n  " : ""
	printf "  \"assessment\": {\"approved_at\": \"2026-06-01\", \"approved_by\": \"安全 太郎\", \"checklist_version\": \"r7-clinic\", \"fiscal_year\": 2026, \"guideline_version\": \"6.0\", \"policy\": \"患者の情報を守るため、年に一度リスクを見直す。\"},\n"
	printf "  \"changelog\": [],\n"
	printf "  \"checklist_answers\": [\n"
	split("0 1-(1) 2-(1) 2-(2) 2-(3) 3-(1)", items, " ")
	for (i = 1; i <= 6; i++)
		printf "    {\"answer\": %s, \"checked_at\": \"2026-06-01\", \"checklist\": \"r7-clinic\", \"device\": \"all\", \"item\": %s, \"note\": \"\", \"target_at\": %s}%s\n",
			q(i == 5 ? "no" : "yes"), q(items[i]), (i == 5 ? q("2027-03-31") : "null"), (i < 6 ? "," : "")
	printf "  ],\n"
	printf "  \"clinic\": {\"address\": \"大阪府大阪市北区1-2-3\", \"administrator\": \"安全 太郎\", \"name\": \"あんぜん歯科医院\", \"phone\": \"06-0000-0000\", \"security_deputy\": \"安全 花子\", \"security_officer\": \"安全 太郎\"},\n"
	printf "  \"contacts\": [\n"
	printf "    {\"id\": 1, \"kind\": \"internal\", \"name\": \"安全 太郎\", \"organisation\": \"あんぜん歯科医院\", \"phone\": \"06-0000-0000\", \"position\": 1, \"role\": \"院長\"},\n"
	printf "    {\"id\": 2, \"kind\": \"vendor\", \"name\": \"保守窓口\", \"organisation\": \"レセコン株式会社\", \"phone\": \"0120-000-000\", \"position\": 2, \"role\": \"保守業者\"},\n"
	printf "    {\"id\": 3, \"kind\": \"authority\", \"name\": \"医療安全課\", \"organisation\": \"保健所\", \"phone\": \"06-1111-1111\", \"position\": 3, \"role\": \"保健所\"}\n"
	printf "  ],\n"
	printf "  \"facts\": [],\n"
	printf "  \"format\": \"anzen-workbook\",\n"
	printf "  \"history\": [],\n"
	printf "  \"risks\": ["
	for (i = 1; i <= R; i++) {
		sys = (i - 1) % S + 1
		t = th[int((i - 1) / S) % 15 + 1]
		if (int((i - 1) / S) >= 15) t = t "_" int((i - 1) / S)
		l = i % 5 + 1; sv = (i * 3) % 5 + 1; k = i % 4 + 1
		# transferred and accepted risks carry the approval of the management (経営層)
		printf "%s\n    {\"accepted_at\": %s, \"accepted_by\": %s, \"confirmed_at\": null, \"confirmed_by\": \"\", \"dismiss_note\": \"\", \"dismissed\": null, \"exception\": false, \"id\": %d, \"likelihood\": %d, \"rationale\": %s, \"residual_likelihood\": %d, \"residual_severity\": %d, \"score_basis\": null, \"severity\": %d, \"system_id\": %d, \"threat\": %s, \"title\": \"\", \"transfer_to\": %s, \"treatment\": %s}",
			(i > 1 ? "," : ""), (k >= 3 ? q("2026-06-01") : "null"), (k >= 3 ? q("安全 太郎") : q("")), i, l, q("理由" i),
			(l > 1 ? l - 1 : 1), sv, sv, sys, q(t), (k == 3 ? q("サイバー保険") : q("")), q(tr[k])
	}
	printf "%s],\n", R ? "\n  " : ""
	printf "  \"systems\": ["
	for (i = 1; i <= S; i++) {
		c = (i - 1) % 15 + 1
		printf "%s\n    {\"category\": %s, \"connection\": %s, \"device_make\": \"Yamaha\", \"device_model\": \"RTX1300\", \"firmware\": \"Rev.23.00.05\", \"holds_patient_data\": %s, \"hosting\": %s, \"id\": %d, \"importance\": %d, \"name\": %s, \"note\": \"\", \"remote_maintenance\": %s, \"vendor_id\": %s}",
			(i > 1 ? "," : ""), q(cat[c]), q(conn[i % 6 + 1]), (i % 3 ? "true" : "false"), q(host[i % 2 + 1]), i, i % 3 + 1,
			q(nm[c] ((i > 15) ? " " i : "")), q(rm[i % 3 + 1]), (V ? (i % V) + 1 : "null")
	}
	printf "%s],\n", S ? "\n  " : ""
	printf "  \"vendor_answers\": ["
	n = 0
	for (v = 1; v <= V; v++) for (j = 1; j <= 5; j++)
		# c asks who and how: a sentence, never yes/no
		printf "%s\n    {\"answer\": %s, \"confirmed_at\": \"2026-05-20\", \"note\": \"\", \"question\": %s, \"value\": %s, \"vendor_id\": %d}",
			(n++ ? "," : ""), (vq[j] == "c" ? "null" : q(rm[(v + j) % 3 + 1])), q(vq[j]),
			(vq[j] == "c" ? q("保守業者が月1回更新する") : q("")), v
	printf "%s],\n", n ? "\n  " : ""
	printf "  \"vendors\": ["
	for (v = 1; v <= V; v++)
		printf "%s\n    {\"certification\": %s, \"certification_target\": %s, \"contact\": %s, \"id\": %d, \"mds_sds_received\": %s, \"name\": %s, \"note\": \"\"}",
			(v > 1 ? "," : ""), q(cert[v % 5 + 1]), (v % 5 == 3 ? q("2027-03-31") : "null"), q("03-0000-000" v % 10), v,
			(v % 2 ? q("2026-04-15") : "null"), q("ベンダー" v "株式会社")
	printf "%s],\n", V ? "\n  " : ""
	printf "  \"version\": 3\n}\n"
}'
