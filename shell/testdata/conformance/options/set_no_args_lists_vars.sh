myvar_zz='hello world'
set | grep '^myvar_zz='
