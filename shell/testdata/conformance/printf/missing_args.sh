printf '[%s][%d][%s]\n' only
printf '[%d]\n'
