package resilcheck.lib.text_test

import data.resilcheck.lib.text

test_groups_thousands if {
	text.group(0) == "0"
	text.group(999) == "999"
	text.group(1000) == "1,000"
	text.group(9999999) == "9,999,999"
	text.group(10000000) == "10,000,000"
	text.group(1800000000000) == "1,800,000,000,000"
	text.group(-1234) == "-1,234"
}

test_fractions_as_written if {
	text.group(1.99) == "1.99"
	text.group(2) == "2"
}

test_particles_follow_the_last_sound if {
	# Hangul with and without a final consonant, and with ㄹ.
	text.josa("계정", "이") == "계정이"
	text.josa("서비스", "이") == "서비스가"
	text.josa("연락처", "을") == "연락처를"
	text.josa("사유", "을") == "사유를"
	text.josa("원인", "는") == "원인은"
	text.josa("시설", "으로") == "시설로"
	text.josa("판교", "으로") == "판교로"
	text.josa("안양", "로") == "안양으로"
	text.josa("방법", "와") == "방법과"
	text.josa("문자", "과") == "문자와"

	# Ids as a Korean reader says them.
	text.josa("ops-tooling", "가") == "ops-tooling이"
	text.josa("kakaotalk", "가") == "kakaotalk이"
	text.josa("skcc-pangyo", "은") == "skcc-pangyo는"
	text.josa("anyang", "로") == "anyang으로"
	text.josa("kakao-t", "이") == "kakao-t가"
	text.josa("metro-3", "는") == "metro-3은"
	text.josa("dc-1", "으로") == "dc-1로"
	text.josa("mail", "으로") == "mail로"

	# A parenthetical aside is skipped: the particle follows the word before it.
	text.josa("kakao-account-login(인증)", "가") == "kakao-account-login(인증)이"
	text.josa("상담 연락처(2022-10-15T20:55:00+09:00)", "가") == "상담 연락처(2022-10-15T20:55:00+09:00)가"
}
