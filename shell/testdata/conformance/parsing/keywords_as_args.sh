echo for do done
