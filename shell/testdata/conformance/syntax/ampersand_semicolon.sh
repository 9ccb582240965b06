echo a &;
