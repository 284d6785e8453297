// File: export.h
// THREADLINE_EXPORT marks the symbols of the public API. The library is built
// with hidden visibility, so only what carries this macro is exported.
#ifndef THREADLINE_EXPORT_H_
#define THREADLINE_EXPORT_H_

#if defined(THREADLINE_STATIC_DEFINE)
#define THREADLINE_EXPORT
#elif defined(_WIN32)
#ifdef THREADLINE_BUILDING
#define THREADLINE_EXPORT __declspec(dllexport)
#else
#define THREADLINE_EXPORT __declspec(dllimport)
#endif
#else
#define THREADLINE_EXPORT __attribute__((visibility("default")))
#endif

#endif  // THREADLINE_EXPORT_H_
