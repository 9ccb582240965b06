echo -e 'a\tb'
