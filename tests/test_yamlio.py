from bot.yamlio import YamlError, load_yaml


def test_a_key_written_twice_in_one_section_is_an_error_with_its_line(tmp_path):
    path = tmp_path / "danger.yml"
    path.write_text("patterns:\n  - id: x\n    any: [a]\n    near: 10\n    near: 8\n", encoding="utf-8")
    try:
        load_yaml(path)
    except YamlError as error:
        assert error.line == 5
        assert "'near' står två gånger" in error.problem and "rad 4" in error.problem
    else:
        raise AssertionError("a repeated key was accepted")


def test_the_same_key_in_two_sections_is_fine(tmp_path):
    path = tmp_path / "ok.yml"
    path.write_text("a:\n  near: 1\nb:\n  near: 2\n", encoding="utf-8")
    assert load_yaml(path) == {"a": {"near": 1}, "b": {"near": 2}}
