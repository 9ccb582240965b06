type exit
type :
type export
