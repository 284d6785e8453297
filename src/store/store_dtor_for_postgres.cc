// File: store_dtor_for_postgres.cc
// Store's destructor, until store.cc defines it with the other stores.
#include "threadline/store.h"

namespace threadline {

Store::~Store() = default;

}  // namespace threadline
