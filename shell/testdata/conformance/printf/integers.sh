printf '%d %i %o %x %X %u\n' 42 -7 8 255 255 3
printf '[%5d][%-5d][%05d][%+d][% d]\n' 42 42 42 42 42
