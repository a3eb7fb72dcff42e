"""The registry's entry-point reader finds what importlib.metadata finds (it only avoids that
module's import cost at start-up)."""

from importlib.metadata import distributions

from composer.core.entry_points import entry_points


def _metadata(group, path):
    seen, found = set(), []
    for dist in distributions(path=path):
        name = dist.metadata["Name"].lower().replace("-", "_")
        if name in seen:
            continue
        seen.add(name)
        found += [(ep.name, ep.value) for ep in dist.entry_points if ep.group == group]
    return sorted(found)


def _dist(folder, name, version, text):
    info = folder / f"{name}-{version}.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n")
    if text is not None:
        (info / "entry_points.txt").write_text(text)


def test_a_crafted_path_reads_as_importlib_metadata_reads_it(tmp_path):
    first, second = tmp_path / "a", tmp_path / "b"
    _dist(first, "sosmed_baru", "1.0", "# a comment\n[composer.platforms]\nsosmed = sosmed_baru.plugin:PLATFORM\n"
                                      "lain = sosmed_baru.other:make.PLATFORM [extra]\n\n[console_scripts]\nsb = sosmed_baru:main\n")
    _dist(first, "tanpa_titik", "0.1", None)  # no entry points at all
    _dist(second, "sosmed_baru", "0.9", "[composer.platforms]\nlama = sosmed_baru.old:PLATFORM\n")  # shadowed
    _dist(second, "kanal", "2.0", "[composer.platforms]\nkanal = kanal:PLATFORM\n")
    path = [str(first), str(second), str(tmp_path / "missing")]
    ours = sorted((ep.name, ep.value) for ep in entry_points("composer.platforms", path))
    assert ours == _metadata("composer.platforms", path)
    assert ("lama", "sosmed_baru.old:PLATFORM") not in ours  # the first on the path wins
    lain = next(ep for ep in entry_points("composer.platforms", path) if ep.name == "lain")
    assert lain.module == "sosmed_baru.other"


def test_the_installed_channels_and_their_objects_are_the_same():
    from importlib.metadata import entry_points as metadata_entry_points

    ours = {ep.name: ep for ep in entry_points("composer.platforms")}
    theirs = {ep.name: ep for ep in metadata_entry_points(group="composer.platforms")}
    assert set(ours) == set(theirs) and "bluesky" in ours
    assert all(ours[n].load() is theirs[n].load() for n in ours)
