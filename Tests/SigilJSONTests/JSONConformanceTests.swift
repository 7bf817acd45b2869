import SigilJSON
import Testing

/// One conformance case in the style of the JSONTestSuite (`y_` must be accepted, `n_`
/// must be rejected).
///
/// The table is written for SigilJSON, following that suite's categories; the strict choices
/// (duplicates, BOM, lone surrogates) are rejections here.
struct ConformanceCase: Sendable, CustomTestStringConvertible {
    var name: String
    var bytes: [UInt8]

    init(_ name: String, _ text: String) {
        self.name = name
        self.bytes = Array(text.utf8)
    }

    init(_ name: String, bytes: [UInt8]) {
        self.name = name
        self.bytes = bytes
    }

    var testDescription: String { name }
}

@Suite("Conformance table: must accept / must reject")
struct JSONConformanceTests {
    static let accepted: [ConformanceCase] = [
        ConformanceCase("y_array_arraysWithSpaces", "[[]   ]"),
        ConformanceCase("y_array_empty", "[]"),
        ConformanceCase("y_array_empty-string", #"[""]"#),
        ConformanceCase("y_array_ending_with_newline", "[\"a\"]\n"),
        ConformanceCase("y_array_false", "[false]"),
        ConformanceCase("y_array_heterogeneous", #"[null, 1, "1", {}]"#),
        ConformanceCase("y_array_null", "[null]"),
        ConformanceCase("y_array_with_leading_space", " [1]"),
        ConformanceCase("y_array_with_several_null", "[1,null,null,null,2]"),
        ConformanceCase("y_array_with_trailing_space", "[2] "),
        ConformanceCase("y_number", "[123e65]"),
        ConformanceCase("y_number_0e+1", "[0e+1]"),
        ConformanceCase("y_number_0e1", "[0e1]"),
        ConformanceCase("y_number_after_space", "[ 4]"),
        ConformanceCase(
            "y_number_double_close_to_zero",
            "[-0.000000000000000000000000000000000000000000000000000000000000000000000000000001]"),
        ConformanceCase("y_number_int_with_exp", "[20e1]"),
        ConformanceCase("y_number_minus_zero", "[-0]"),
        ConformanceCase("y_number_negative_int", "[-123]"),
        ConformanceCase("y_number_negative_one", "[-1]"),
        ConformanceCase("y_number_real_capital_e", "[1E22]"),
        ConformanceCase("y_number_real_capital_e_neg_exp", "[1E-2]"),
        ConformanceCase("y_number_real_capital_e_pos_exp", "[1E+2]"),
        ConformanceCase("y_number_real_exponent", "[123e45]"),
        ConformanceCase("y_number_real_fraction_exponent", "[123.456e78]"),
        ConformanceCase("y_number_real_neg_exp", "[1e-2]"),
        ConformanceCase("y_number_real_pos_exponent", "[1e+2]"),
        ConformanceCase("y_number_simple_int", "[123]"),
        ConformanceCase("y_number_simple_real", "[123.456789]"),
        ConformanceCase(
            "y_number_huge_exp",
            "[0.4e00669999999999999999999999999999999999999999999999999999999999999999999999999999]"),
        ConformanceCase("y_object", #"{"asd":"sdf", "dfg":"fgh"}"#),
        ConformanceCase("y_object_basic", #"{"asd":"sdf"}"#),
        ConformanceCase("y_object_empty", "{}"),
        ConformanceCase("y_object_empty_key", #"{"":0}"#),
        ConformanceCase("y_object_escaped_null_in_key", #"{"foo\u0000bar": 42}"#),
        ConformanceCase("y_object_extreme_numbers", #"{ "min": -1.0e+28, "max": 1.0e+28 }"#),
        ConformanceCase(
            "y_object_long_strings",
            #"{"x":[{"id": "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"}], "id": "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"}"#
        ),
        ConformanceCase("y_object_simple", #"{"a":[]}"#),
        ConformanceCase("y_object_string_unicode", #"{"title":"\u041f\u043e\u043b\u0442\u043e\u0440\u0430" }"#),
        ConformanceCase("y_object_with_newlines", "{\n\"a\": \"b\"\n}"),
        ConformanceCase("y_string_1_2_3_bytes_UTF-8_sequences", #"["\u0060\u012a\u12AB"]"#),
        ConformanceCase("y_string_accepted_surrogate_pair", #"["\uD801\udc37"]"#),
        ConformanceCase("y_string_allowed_escapes", #"["\"\\\/\b\f\n\r\t"]"#),
        ConformanceCase("y_string_backslash_and_u_escaped_zero", #"["\\u0000"]"#),
        ConformanceCase("y_string_comments", #"["a/*b*/c/*d//e"]"#),
        ConformanceCase("y_string_escaped_noncharacter", #"["\uFFFF"]"#),
        ConformanceCase("y_string_in_array_with_leading_space", #"[ "asd"]"#),
        ConformanceCase("y_string_last_surrogates_1_and_2", #"["\uDBFF\uDFFF"]"#),
        ConformanceCase("y_string_nonCharacterInUTF-8_U+FFFF", bytes: [0x5B, 0x22, 0xEF, 0xBF, 0xBF, 0x22, 0x5D]),
        ConformanceCase(
            "y_string_nonCharacterInUTF-8_U+10FFFF", bytes: [0x5B, 0x22, 0xF4, 0x8F, 0xBF, 0xBF, 0x22, 0x5D]),
        ConformanceCase("y_string_u+2028_line_sep", "[\"\u{2028}\"]"),
        ConformanceCase("y_string_uEscape", #"["\u0061\u30af\u30EA\u30b9"]"#),
        ConformanceCase("y_string_unescaped_char_delete", "[\"\u{7F}\"]"),
        ConformanceCase("y_string_with_del_character", "[\"a\u{7F}a\"]"),
        ConformanceCase("y_structure_lonely_false", "false"),
        ConformanceCase("y_structure_lonely_int", "42"),
        ConformanceCase("y_structure_lonely_negative_real", "-0.1"),
        ConformanceCase("y_structure_lonely_null", "null"),
        ConformanceCase("y_structure_lonely_string", #""asd""#),
        ConformanceCase("y_structure_lonely_true", "true"),
        ConformanceCase("y_structure_string_empty", #""""#),
        ConformanceCase("y_structure_trailing_newline", "[\"a\"]\n"),
        ConformanceCase("y_structure_true_in_array", "[true]"),
        ConformanceCase("y_structure_whitespace_array", " [] "),
    ]

    static let rejected: [ConformanceCase] = [
        ConformanceCase("n_array_1_true_without_comma", "[1 true]"),
        ConformanceCase("n_array_colon_instead_of_comma", #"["": 1]"#),
        ConformanceCase("n_array_comma_after_close", #"[""],"#),
        ConformanceCase("n_array_comma_and_number", "[,1]"),
        ConformanceCase("n_array_double_comma", "[1,,2]"),
        ConformanceCase("n_array_extra_close", #"["x"]]"#),
        ConformanceCase("n_array_extra_comma", #"["",]"#),
        ConformanceCase("n_array_incomplete", #"["x""#),
        ConformanceCase("n_array_incomplete_invalid_value", "[x"),
        ConformanceCase("n_array_inner_array_no_comma", "[3[4]]"),
        ConformanceCase("n_array_invalid_utf8", bytes: [0x5B, 0xFF, 0x5D]),
        ConformanceCase("n_array_just_comma", "[,]"),
        ConformanceCase("n_array_just_minus", "[-]"),
        ConformanceCase("n_array_missing_value", #"[   , ""]"#),
        ConformanceCase("n_array_number_and_comma", "[1,]"),
        ConformanceCase("n_array_star_inside", "[*]"),
        ConformanceCase("n_array_unclosed", #"["""#),
        ConformanceCase("n_array_unclosed_with_new_lines", "[1,\n1\n,1"),
        ConformanceCase("n_incomplete_false", "[fals]"),
        ConformanceCase("n_incomplete_null", "[nul]"),
        ConformanceCase("n_incomplete_true", "[tru]"),
        ConformanceCase("n_number_++", "[++1234]"),
        ConformanceCase("n_number_+1", "[+1]"),
        ConformanceCase("n_number_+Inf", "[+Inf]"),
        ConformanceCase("n_number_-01", "[-01]"),
        ConformanceCase("n_number_-1.0.", "[-1.0.]"),
        ConformanceCase("n_number_-NaN", "[-NaN]"),
        ConformanceCase("n_number_.-1", "[.-1]"),
        ConformanceCase("n_number_.2e-3", "[.2e-3]"),
        ConformanceCase("n_number_0.1.2", "[0.1.2]"),
        ConformanceCase("n_number_0.3e+", "[0.3e+]"),
        ConformanceCase("n_number_0.e1", "[0.e1]"),
        ConformanceCase("n_number_0_capital_E+", "[0E+]"),
        ConformanceCase("n_number_1.0e-", "[1.0e-]"),
        ConformanceCase("n_number_1_000", "[1 000.0]"),
        ConformanceCase("n_number_2.e3", "[2.e3]"),
        ConformanceCase("n_number_9.e+", "[9.e+]"),
        ConformanceCase("n_number_Inf", "[Inf]"),
        ConformanceCase("n_number_NaN", "[NaN]"),
        ConformanceCase("n_number_U+FF11_fullwidth_digit_one", "[\u{FF11}]"),
        ConformanceCase("n_number_hex_1_digit", "[0x1]"),
        ConformanceCase("n_number_infinity", "[Infinity]"),
        ConformanceCase("n_number_minus_infinity", "[-Infinity]"),
        ConformanceCase("n_number_minus_space_1", "[- 1]"),
        ConformanceCase("n_number_neg_int_starting_with_zero", "[-012]"),
        ConformanceCase("n_number_real_without_fractional_part", "[1.]"),
        ConformanceCase("n_number_with_leading_zero", "[012]"),
        ConformanceCase("n_object_bad_value", #"["x", truth]"#),
        ConformanceCase("n_object_comma_instead_of_colon", #"{"x", null}"#),
        ConformanceCase("n_object_double_colon", #"{"x"::"b"}"#),
        ConformanceCase("n_object_duplicate_key", #"{"a":"b","a":"c"}"#),
        ConformanceCase("n_object_duplicate_key_escaped", #"{"a":"b","\u0061":"c"}"#),
        ConformanceCase("n_object_key_with_single_quotes", "{key: 'value'}"),
        ConformanceCase("n_object_missing_colon", #"{"a" b}"#),
        ConformanceCase("n_object_missing_key", #"{:"b"}"#),
        ConformanceCase("n_object_missing_value", #"{"a":"#),
        ConformanceCase("n_object_no-colon", #"{"a""#),
        ConformanceCase("n_object_non_string_key", "{1:1}"),
        ConformanceCase("n_object_single_quote", "{'a':0}"),
        ConformanceCase("n_object_trailing_comma", #"{"id":0,}"#),
        ConformanceCase("n_object_trailing_comment", #"{"a":"b"}/**/"#),
        ConformanceCase("n_object_two_commas_in_a_row", #"{"a":"b",,"c":"d"}"#),
        ConformanceCase("n_object_unterminated-value", #"{"a":"a"#),
        ConformanceCase("n_object_with_trailing_garbage", #"{"a":"b"}#"#),
        ConformanceCase("n_string_1_surrogate_then_escape", #"["\uD800\"]"#),
        ConformanceCase("n_string_accentuated_char_no_quotes", "[\u{E9}]"),
        ConformanceCase("n_string_backslash_00", bytes: [0x5B, 0x22, 0x5C, 0x00, 0x22, 0x5D]),
        ConformanceCase("n_string_escape_x", #"["\x00"]"#),
        ConformanceCase("n_string_escaped_emoji", "[\"\\\u{1F300}\"]"),
        ConformanceCase("n_string_incomplete_surrogate", #"["\uD834\uDd"]"#),
        ConformanceCase("n_string_invalid_backslash_esc", #"["\a"]"#),
        ConformanceCase("n_string_invalid_utf8_after_escape", bytes: [0x5B, 0x22, 0x5C, 0xE5, 0x22, 0x5D]),
        ConformanceCase("n_string_lone_high_surrogate", #"["\uD800"]"#),
        ConformanceCase("n_string_lone_low_surrogate", #"["\uDFFF"]"#),
        ConformanceCase("n_string_inverted_surrogates", #"["\uDC00\uD800"]"#),
        ConformanceCase("n_string_overlong_sequence_2_bytes", bytes: [0x5B, 0x22, 0xC0, 0xAF, 0x22, 0x5D]),
        ConformanceCase(
            "n_string_overlong_sequence_6_bytes", bytes: [0x5B, 0x22, 0xFC, 0x83, 0xBF, 0xBF, 0xBF, 0xBF, 0x22, 0x5D]),
        ConformanceCase("n_string_UTF-16LE_with_BOM", bytes: [0xFF, 0xFE, 0x5B, 0x00, 0x22, 0x00, 0x5D, 0x00]),
        ConformanceCase("n_string_UTF8_surrogate_U+D800", bytes: [0x5B, 0x22, 0xED, 0xA0, 0x80, 0x22, 0x5D]),
        ConformanceCase("n_string_not_in_unicode_range", bytes: [0x5B, 0x22, 0xF4, 0xBF, 0xBF, 0xBF, 0x22, 0x5D]),
        ConformanceCase("n_string_truncated_utf8", bytes: [0x5B, 0x22, 0xE0, 0xFF, 0x22, 0x5D]),
        ConformanceCase("n_string_single_quote", "['single quote']"),
        ConformanceCase("n_string_unescaped_ctrl_char", "[\"a\u{0}a\"]"),
        ConformanceCase("n_string_unescaped_newline", "[\"new\nline\"]"),
        ConformanceCase("n_string_unescaped_tab", "[\"\t\"]"),
        ConformanceCase("n_string_unicode_CapitalU", #""\UA66D""#),
        ConformanceCase("n_structure_UTF8_BOM_no_data", bytes: [0xEF, 0xBB, 0xBF]),
        ConformanceCase("n_structure_UTF8_BOM_then_array", bytes: [0xEF, 0xBB, 0xBF, 0x5B, 0x5D]),
        ConformanceCase("n_structure_angle_bracket_null", "[<null>]"),
        ConformanceCase("n_structure_array_trailing_garbage", "[1]x"),
        ConformanceCase("n_structure_array_with_extra_array_close", "[1]]"),
        ConformanceCase("n_structure_capitalized_True", "[True]"),
        ConformanceCase("n_structure_close_unopened_array", "1]"),
        ConformanceCase("n_structure_double_array", "[][]"),
        ConformanceCase("n_structure_end_array", "]"),
        ConformanceCase("n_structure_lone-open-bracket", "["),
        ConformanceCase("n_structure_no_data", ""),
        ConformanceCase("n_structure_null-byte-outside-string", bytes: [0x5B, 0x00, 0x5D]),
        ConformanceCase("n_structure_object_with_comment", #"{"a":/*comment*/"b"}"#),
        ConformanceCase("n_structure_open_open", #"["\{["\{["\{["\{"#),
        ConformanceCase("n_structure_single_star", "*"),
        ConformanceCase("n_structure_trailing_#", #"{"a":"b"}#{}"#),
        ConformanceCase("n_structure_uescaped_LF_before_string", #"[\u000A""]"#),
        ConformanceCase("n_structure_whitespace_formfeed", "[\u{C}]"),
        ConformanceCase("n_structure_whitespace_U+2060_word_joiner", "[\u{2060}]"),
        ConformanceCase("n_structure_open_array_object", String(repeating: #"[{"":"#, count: 50_000)),
        ConformanceCase("n_structure_100000_opening_arrays", String(repeating: "[", count: 100_000)),
    ]

    /// JSONTestSuite's `i_` cases leave the outcome to the implementation; these are
    /// SigilJSON's decisions, with the code it reports when it rejects.
    static let implementationDefined: [(ConformanceCase, JSONError.Code?)] = [
        (ConformanceCase("i_number_double_huge_neg_exp", "[123.456e-789]"), nil),
        (ConformanceCase("i_number_huge_exp", "[0.4e006699999999999999999999999999999999999999999999999999]"), nil),
        (ConformanceCase("i_number_neg_int_huge_exp", "[-1e+9999]"), nil),
        (ConformanceCase("i_number_pos_double_huge_exp", "[1.5e+9999]"), nil),
        (ConformanceCase("i_number_too_big_neg_int", "[-123123123123123123123123123123]"), nil),
        (ConformanceCase("i_number_very_big_negative_int", "[-237462374673276894279832749832423479823246327846]"), nil),
        (ConformanceCase("i_object_key_lone_2nd_surrogate", #"{"\uDFAA":0}"#), .invalidEscape),
        (ConformanceCase("i_string_1st_surrogate_but_2nd_missing", #"["\uDADA"]"#), .invalidEscape),
        (ConformanceCase("i_string_incomplete_surrogate_pair", #"["\uD888\u1234"]"#), .invalidEscape),
        (ConformanceCase("i_string_UTF-16LE_with_BOM", bytes: [0xFF, 0xFE, 0x5B, 0x00, 0x5D, 0x00]), .invalidUTF8),
        (
            ConformanceCase(
                "i_string_UTF-8_invalid_sequence", bytes: [0x5B, 0x22, 0xE6, 0x97, 0xA5, 0xD1, 0x88, 0xFA, 0x22, 0x5D]),
            .invalidUTF8
        ),
        (ConformanceCase("i_string_iso_latin_1", bytes: [0x5B, 0x22, 0xE9, 0x22, 0x5D]), .invalidUTF8),
        (
            ConformanceCase("i_string_overlong_sequence_2_bytes", bytes: [0x5B, 0x22, 0xC0, 0xAF, 0x22, 0x5D]),
            .invalidUTF8
        ),
        (ConformanceCase("i_structure_UTF-8_BOM_empty_object", bytes: [0xEF, 0xBB, 0xBF, 0x7B, 0x7D]), .invalidSyntax),
        (
            ConformanceCase(
                "i_structure_500_nested_arrays", String(repeating: "[", count: 500) + String(repeating: "]", count: 500)
            ), .depthLimitExceeded
        ),
    ]

    @Test("i_ cases follow SigilJSON's documented decisions")
    func implementationDefinedCases() throws {
        #expect(Self.implementationDefined.count == 15)
        for (document, expected) in Self.implementationDefined {
            if let expected {
                let error = try #require(throws: JSONError.self, "\(document.name)") {
                    try JSONValue.parse(document.bytes)
                }
                #expect(error.code == expected, "\(document.name)")
            } else {
                let value = try JSONValue.parse(document.bytes)
                #expect(value.serializedBytes() == document.bytes, "\(document.name)")
            }
        }
    }

    @Test("y_ cases are accepted and round-trip", arguments: accepted)
    func mustAccept(_ document: ConformanceCase) throws {
        let value = try JSONValue.parse(document.bytes)
        #expect(try JSONValue.parse(value.serializedBytes()) == value)
    }

    @Test("n_ cases are rejected with a typed error", arguments: rejected)
    func mustReject(_ document: ConformanceCase) throws {
        let error = try #require(throws: JSONError.self) { try JSONValue.parse(document.bytes) }
        #expect(error.offset >= 0 && error.offset <= document.bytes.count)
    }

    @Test("table sizes")
    func counts() {
        #expect(Self.accepted.count == 63)
        #expect(Self.rejected.count == 107)
    }
}
