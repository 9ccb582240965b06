name=fromvar
> "$name"
ls fromvar
