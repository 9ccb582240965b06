> plain
ls plain
