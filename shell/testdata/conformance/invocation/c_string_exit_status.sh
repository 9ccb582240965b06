# mode: c
(exit 7)
