printf '[%c]\n' ''
