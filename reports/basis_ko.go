package reports

// paramBasisKo words the bases of the regulatory parameters (policies/data/params.rego,
// "basis") in Korean, for `resilcheck explain --lang ko`, and the bases and citations the
// controls give as evidence, for Korean reports. The table has one entry per basis the bundle
// uses; TestEveryParameterBasisIsTranslated fails on a new parameter basis without its
// Korean, TestKoreanReportsHaveNoEnglishProse on a new evidence basis, rather than let
// English into a Korean page. A bare "Decree Art." names the decree of the law the control
// applies (each number is used by one law in the bundle). A --data override's basis is the
// user's own words and stays as written.
var paramBasisKo = map[string]string{
	"BCDA Art. 35(1)1; Decree Art. 23(1) (wording before 2023-07-04 not in the statute texts: current number used)": "방송통신발전 기본법 제35조제1항제1호; 같은 법 시행령 제23조제1항(2023-07-04 전 조문은 법령 원문에 없어 현행 조문 번호 사용)",
	"BCDA Art. 35(1)1; Decree Art. 23(1)":                     "방송통신발전 기본법 제35조제1항제1호; 같은 법 시행령 제23조제1항",
	"BCDA Art. 35(1)4; Decree Art. 23(2)":                     "방송통신발전 기본법 제35조제1항제4호; 같은 법 시행령 제23조제2항",
	"BCDA Art. 35(1)5; Decree Art. 23(3)":                     "방송통신발전 기본법 제35조제1항제5호; 같은 법 시행령 제23조제3항",
	"BCDA Art. 35-3":                                          "방송통신발전 기본법 제35조의3",
	"BCDA Art. 36(2); Decree Art. 24":                         "방송통신발전 기본법 제36조제2항; 같은 법 시행령 제24조",
	"BCDA Art. 38(1) 'without delay': audit default, not law": "방송통신발전 기본법 제38조제1항 '지체 없이': 점검 기본값(법령 아님)",
	"BCDA Art. 39(4); Decree Art. 27 'from time to time until it ends': audit default, not law": "방송통신발전 기본법 제39조제4항; 같은 법 시행령 제27조 '종료 시까지 수시로': 점검 기본값(법령 아님)",
	"BCDA Art. 39(4); Decree Art. 27 report until the disaster ends: audit default, not law":    "방송통신발전 기본법 제39조제4항; 같은 법 시행령 제27조 재난 종료 시까지 보고: 점검 기본값(법령 아님)",
	"BCDA Art. 39-2(1); Decree Art. 27-2(1)-(2)":                                                "방송통신발전 기본법 제39조의2제1항; 같은 법 시행령 제27조의2제1항 및 제2항",
	"Cloud Act Art. 25(1)3 'without delay': audit default, not law":                             "클라우드컴퓨팅법 제25조제1항제3호 '지체 없이': 점검 기본값(법령 아님)",
	"Cloud Act Art. 25(1)3; Decree Art. 16":                                                     "클라우드컴퓨팅법 제25조제1항제3호; 같은 법 시행령 제16조",
	"Cloud Act Art. 25(2) 'immediately': audit default, not law":                                "클라우드컴퓨팅법 제25조제2항 '즉시': 점검 기본값(법령 아님)",
	"Cloud Act Art. 27(4); Decree Art. 19(2)":                                                   "클라우드컴퓨팅법 제27조제4항; 같은 법 시행령 제19조제2항",
	"Cloud Act Art. 27; Decree Art. 19(1)":                                                      "클라우드컴퓨팅법 제27조; 같은 법 시행령 제19조제1항",
	"Cloud Act Decree Art. 17":                                                                  "클라우드컴퓨팅법 시행령 제17조",
	"Decree Art. 27-2(3)":                                                                       "방송통신발전 기본법 시행령 제27조의2제3항",
	"Decree Art. 27-2(1) names who is designated: the head of the department in charge of disaster-related work, or, without one, an officer or employee; an undeclared role shows neither": "방송통신발전 기본법 시행령 제27조의2제1항이 정하는 지정 대상: 재난 관련 업무를 담당하는 부서의 장, 그런 부서가 없으면 임원 또는 직원(직위가 신고되지 않으면 어느 쪽인지 알 수 없음)",
	"Decree Art. 37(2)4": "정보통신망법 시행령 제37조제2항제4호",
	"Decree Art. 37(2)5": "정보통신망법 시행령 제37조제2항제5호",
	"reported Electrical Safety Management Act rule, not in the statute texts and not a Network Act duty": "전기안전관리법 시행규칙(보도 기준이며 법령 원문에 없고 정보통신망법상 의무 아님)",
	"Network Act Art. 46(1), (7); Decree Art. 37(1)-(2), 41 1":                                            "정보통신망법 제46조제1항 및 제7항; 같은 법 시행령 제37조제1항·제2항, 제41조제1호",
	"Electrical Safety Management Act / Electric Utility Act enforcement rules as amended 2023-12-06 (reported, not verified in statute text): UPS installed before 2024-07-01 inspected by 2025-06-30": "전기안전관리법·전기사업법 시행규칙 2023-12-06 개정(보도 내용이며 법령 원문으로 확인되지 않음): 2024-07-01 전에 설치된 UPS는 2025-06-30까지 검사",
	"Electrical Safety Management Act / Electric Utility Act enforcement rules as amended 2023-12-06, from 2024-07-01 (reported, not verified in statute text)":                                         "전기안전관리법·전기사업법 시행규칙 2023-12-06 개정, 2024-07-01부터(보도 내용이며 법령 원문으로 확인되지 않음)",
	"MSIT datacenter protection guideline 2024 (reported)":                           "과학기술정보통신부 집적정보통신시설 보호조치 기준 2024년 개정(보도 기준)",
	"Network Act Art. 46(1)2; Decree Art. 37(1)2나":                                   "정보통신망법 제46조제1항제2호; 같은 법 시행령 제37조제1항제2호나목",
	"Network Act Art. 46(1)2; Decree Art. 37(1)2다":                                   "정보통신망법 제46조제1항제2호; 같은 법 시행령 제37조제1항제2호다목",
	"Network Act Art. 46(1); Decree Art. 37(1)1, 2가":                                 "정보통신망법 제46조제1항; 같은 법 시행령 제37조제1항제1호, 제2호가목",
	"Network Act Art. 46(6) 'without delay': audit default, not law":                 "정보통신망법 제46조제6항 '지체 없이': 점검 기본값(법령 아님)",
	"Network Act Art. 46(6) (added 2023-01-03, in force 2023-07-04); Decree Art. 40": "정보통신망법 제46조제6항(2023-01-03 신설, 2023-07-04 시행); 같은 법 시행령 제40조",
	"Network Act Art. 46-2 'immediately': audit default, not law":                    "정보통신망법 제46조의2 '즉시': 점검 기본값(법령 아님)",
	"Network Decree Art. 41 2: no period in law; audit default as 'without delay'":   "정보통신망법 시행령 제41조제2호: 법정 기한 없음, '지체 없이'로 보는 점검 기본값",
	"TBA Art. 22-7(3)":                                                                                           "전기통신사업법 제22조의7제3항",
	"TBA Art. 22-7; Decree Art. 30-8(1)":                                                                         "전기통신사업법 제22조의7; 같은 법 시행령 제30조의8제1항",
	"TBA Art. 32-10(2); Decree Art. 37-12(1)":                                                                    "전기통신사업법 제32조의10제2항; 같은 법 시행령 제37조의12제1항",
	"TBA Art. 32-10(4); Decree Art. 37-12(3)":                                                                    "전기통신사업법 제32조의10제4항; 같은 법 시행령 제37조의12제3항",
	"TBA Art. 33(2) 'without delay': audit default, not law":                                                     "전기통신사업법 제33조제2항 '지체 없이': 점검 기본값(법령 아님)",
	"TBA Art. 33(2); Decree Art. 37-21(1)3가":                                                                     "전기통신사업법 제33조제2항; 같은 법 시행령 제37조의21제1항제3호가목",
	"TBA Art. 33(2); Decree Art. 37-21(1)3나":                                                                     "전기통신사업법 제33조제2항; 같은 법 시행령 제37조의21제1항제3호나목",
	"TBA Art. 33(2); Decree Art. 37-21(2)":                                                                       "전기통신사업법 제33조제2항; 같은 법 시행령 제37조의21제2항",
	"TBA Decree Art. 37-11 (as then numbered; reported, not in the statute texts)":                               "전기통신사업법 시행령 제37조의11(당시 조문 번호, 보도 기준이며 법령 원문에 없음)",
	"TBA Decree Art. 37-11 (as then numbered; reported, not in the statute texts): 4 hours":                      "전기통신사업법 시행령 제37조의11(당시 조문 번호, 보도 기준이며 법령 원문에 없음): 4시간",
	"TBA Decree Art. 37-11 (as then numbered; reported, not in the statute texts): free services exempt":         "전기통신사업법 시행령 제37조의11(당시 조문 번호, 보도 기준이며 법령 원문에 없음): 무료 서비스 제외",
	"TBA Decree Art. 37-12(3), in force 2024-06-30: first public report taken as due 2025-06-30 (audit default)": "전기통신사업법 시행령 제37조의12제3항(2024-06-30 시행): 첫 공개 보고서 기한을 2025-06-30으로 봄(점검 기본값)",
	"TBA Decree Art. 37-21 (as amended): free services covered":                                                  "전기통신사업법 시행령 제37조의21(개정 후): 무료 서비스 포함",
	"TBA Decree Art. 37-21(1) (as amended): 2 hours":                                                             "전기통신사업법 시행령 제37조의21제1항(개정 후): 2시간",
	"UPS lithium battery inspection duty, from 2024-07-01":                                                       "리튬 배터리 UPS 검사 의무, 2024-07-01부터",
	"resilience practice: a site-loss drill within 12 months":                                                    "복원력 실무(법령 아님): 최근 12개월 안의 사이트 손실 훈련",
}

// ParamBasisIn is a parameter's basis in lang: the Korean wording for "ko" where the table
// has one, else as written.
func ParamBasisIn(basis, lang string) string {
	if lang == "ko" {
		if ko, ok := paramBasisKo[basis]; ok {
			return ko
		}
	}
	return basis
}

// CodeIn words a code of the model in lang for pages outside the reports (explain): group is
// "severity", "kind", "reg" (a regulation group) or "value" (a period's or parameter's
// label). A code the catalogue does not know prints as it is.
func CodeIn(lang, group, code string) string {
	if _, ok := catalogue[group+"."+code]; !ok {
		return code
	}
	return tr(lang, group+"."+code)
}
