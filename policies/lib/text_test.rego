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
