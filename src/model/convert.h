// Conversions between the public value types (threadline/types.h) and their
// protobuf messages (proto/threadline/v1). The only bridge between the two.
#ifndef THREADLINE_SRC_MODEL_CONVERT_H_
#define THREADLINE_SRC_MODEL_CONVERT_H_

#include "absl/time/time.h"
#include "google/protobuf/timestamp.pb.h"
#include "threadline/types.h"
#include "threadline/v1/interaction.pb.h"
#include "threadline/v1/model.pb.h"

namespace threadline::model {

void ToProto(absl::Time t, google::protobuf::Timestamp* out);
absl::Time FromProto(const google::protobuf::Timestamp& t);

void ToProto(const Identity& in, v1::Identity* out);
Identity FromProto(const v1::Identity& in);

void ToProto(const Interaction& in, v1::Interaction* out);
Interaction FromProto(const v1::Interaction& in);

void ToProto(const Linkage& in, v1::Linkage* out);
Linkage FromProto(const v1::Linkage& in);

void ToProto(const Customer& in, v1::Customer* out);
void ToProto(const Case& in, v1::Case* out);
void ToProto(const MergeRecord& in, v1::MergeRecord* out);
MergeRecord FromProto(const v1::MergeRecord& in);

}  // namespace threadline::model

#endif  // THREADLINE_SRC_MODEL_CONVERT_H_
